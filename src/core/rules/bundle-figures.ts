/**
 * The before→after figures a region publishes for a bundle (材料减少60%、时间压缩80%…) must agree with
 * themselves — a claimed reduction is what before and after give — and the "after" side with the bundle's
 * own data: its visits, its promised limit, the materials the applicant still submits, one form.
 */
import { FIGURE_NAMES, type Bundle, type FigureName } from '../bundles/model.js';
import { submitted } from '../bundles/materials.js';
import { toPointer } from '../pointer.js';
import { bundleRule, type RuleFinding } from './rule.js';

/** Percentage points a published reduction may differ from before→after (they are rounded when published). */
const TOLERANCE = 1;

export function reductionPercent(before: number, after: number): number {
  return before > 0 ? Math.round(((before - after) / before) * 1000) / 10 : 0;
}

/** What the bundle's own data says each figure is after the reform, where it says. */
export function ownAfter(bundle: Bundle): Partial<Record<FigureName, number>> {
  return {
    materials: bundle.materials.filter(submitted).length,
    time: bundle.promisedLimit.value,
    visits: bundle.visits,
    ...(bundle.form ? { forms: 1 } : {}),
  };
}

export const bundleFigures = bundleRule({
  id: 'bundle-figures',
  scope: 'bundle',
  codes: ['bundle/figures-contradict', 'bundle/figures-mismatch'],
  check(bundle) {
    const out: RuleFinding<'bundle/figures-contradict' | 'bundle/figures-mismatch'>[] = [];
    const own = ownAfter(bundle);
    for (const name of FIGURE_NAMES) {
      const figure = bundle.figures?.[name];
      if (!figure) continue;
      const term = `bundle.${name}`;
      const actual = reductionPercent(figure.before, figure.after);
      if (figure.reduction !== undefined && Math.abs(actual - figure.reduction) > TOLERANCE)
        out.push({
          code: 'bundle/figures-contradict',
          path: toPointer(['figures', name, 'reduction']),
          args: { figure: term, claimed: figure.reduction, before: figure.before, after: figure.after, actual },
        });
      const expected = own[name];
      if (expected !== undefined && expected !== figure.after)
        out.push({
          code: 'bundle/figures-mismatch',
          path: toPointer(['figures', name, 'after']),
          args: { figure: term, after: figure.after, actual: expected },
        });
    }
    return out;
  },
});
