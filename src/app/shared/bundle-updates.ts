/**
 * The bundles (一件事) a code change touches: `code retire|merge|split` name every bundle of the catalog
 * that lists a retired code, and with `updateBundles` rewrite them in the same journaled change as the
 * ledger and the items — the old codes replaced by their successors (or dropped), comments kept
 * (io/bundle-edit.ts). An edit that cannot be made safely stops the whole change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codesNamed, replaceList, replacementFor } from '../../core/bundles/lifecycle.js';
import { memberCodesOf as memberCodes } from '../../core/bundles/members.js';
import { findingIn, type Finding } from '../../core/diagnostic.js';
import { editBundleCodes } from '../../io/bundle-edit.js';
import type { JournalStep } from '../../io/journal.js';
import { shownIn, type CodingCatalog, type TouchedBundle } from './code-catalog.js';

export interface BundleUpdate {
  touched: TouchedBundle[];
  /** The writes that rewrite them (empty unless asked for). */
  steps: JournalStep[];
  /** Edits refused, at their place in the bundle file. */
  refused: Finding[];
}

export function bundleUpdates(
  catalog: CodingCatalog,
  retired: readonly string[],
  replacement: { codes: readonly string[]; files: readonly string[] },
  rewrite: boolean,
): BundleUpdate {
  const replacedBy = replacement.codes;
  // Each code's agency: the catalog's items by their code, and the new items by the code this run gives them.
  const agencyByCode = new Map<string, string>();
  for (const item of catalog.items) {
    const uscc = (item.data as { agency?: { uscc?: unknown } }).agency?.uscc;
    if (typeof uscc !== 'string') continue;
    if (item.data.code !== undefined) agencyByCode.set(item.data.code, uscc);
    const index = replacement.files.indexOf(item.file);
    if (index >= 0 && replacement.codes[index] !== undefined) agencyByCode.set(replacement.codes[index], uscc);
  }
  const agencyOf = (code: string) => agencyByCode.get(code);
  const retiring = new Set(retired);
  const replace = replacementFor(retired, replacedBy);
  const update: BundleUpdate = { touched: [], steps: [], refused: [] };
  for (const bundle of catalog.bundles) {
    const codes = codesNamed(bundle.data, retiring);
    if (codes.length === 0) continue;
    const shown = shownIn(catalog, bundle.file);
    const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
    update.touched.push({
      file: shown,
      id: text(bundle.data.id, bundle.file),
      name: text(bundle.data.name, bundle.file),
      codes,
      replacedBy: [...replacedBy],
      updated: rewrite,
    });
    if (!rewrite) continue;
    const before = readFileSync(path.join(catalog.absoluteDir, bundle.file), 'utf8');
    // The agencies of the members after the change (new items by the codes this run gives them); when one
    // is not known, no assisting agency is dropped.
    const members = replaceList(memberCodes(bundle.data), replace).map(agencyOf);
    const agencies = members.every((a) => a !== undefined) ? new Set(members as string[]) : undefined;
    const edited = editBundleCodes(before, replace, agencies);
    if ('refused' in edited) {
      const { code, range } = edited.refused;
      update.refused.push({ ...findingIn(shown, { code, path: '/members', args: { key: 'members' } }), range });
    } else if (edited.changed) update.steps.push({ kind: 'write', file: bundle.file, before, content: edited.text });
  }
  return update;
}
