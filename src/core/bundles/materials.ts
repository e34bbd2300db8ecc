/**
 * The merged material list of a bundle (一套材料): one entry per material, found by its name or by the
 * other names its members use for it. Names are compared as written, after the width, case and spacing
 * differences office documents introduce (居民身份证 / 居民身份证（原件）are different materials).
 */
import { toHalfWidth } from '../text.js';
import type { Bundle, BundleMaterial } from './model.js';

export function materialKey(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '').toLowerCase();
}

/** Every name a merged entry answers to. */
export function namesOf(material: BundleMaterial): string[] {
  return [material.name, ...(material.aliases ?? [])];
}

/** Entry index by material key; the first entry wins when two claim a name (a duplicate, reported as such). */
export function materialIndex(bundle: Pick<Bundle, 'materials'>): Map<string, number> {
  const index = new Map<string, number>();
  bundle.materials.forEach((material, i) => {
    for (const name of namesOf(material)) if (!index.has(materialKey(name))) index.set(materialKey(name), i);
  });
  return index;
}

/** Whether the applicant submits the material, or it reaches the agencies another way (无需提交). */
export function submitted(material: BundleMaterial): boolean {
  return material.obtainedBy === undefined;
}
