/**
 * 一套材料: every material a member item asks for is in the bundle's merged list, linked to that member;
 * each material is listed once (by its name or any other name its members use); and the list claims no
 * member needs a material the member's own item does not ask for (a stale entry).
 */
import { materialIndex, materialKey, namesOf } from '../bundles/materials.js';
import { toPointer } from '../pointer.js';
import { bundleRule, type RuleFinding } from './rule.js';

type Code =
  'bundle/material-missing' | 'bundle/material-unlinked' | 'bundle/material-duplicate' | 'bundle/material-not-needed';

export const bundleMaterials = bundleRule({
  id: 'bundle-materials',
  scope: 'bundle',
  codes: [
    'bundle/material-missing',
    'bundle/material-unlinked',
    'bundle/material-duplicate',
    'bundle/material-not-needed',
  ],
  check(bundle, { members }) {
    const out: RuleFinding<Code>[] = [];
    // Listed twice: a name (or other name) that an earlier entry already answers to.
    const claimed = new Map<string, number>();
    bundle.materials.forEach((material, i) => {
      namesOf(material).forEach((name, j) => {
        const key = materialKey(name);
        const first = claimed.get(key);
        if (first === undefined) return void claimed.set(key, i);
        if (first === i) return;
        out.push({
          code: 'bundle/material-duplicate',
          path: toPointer(j === 0 ? ['materials', i, 'name'] : ['materials', i, 'aliases', j - 1]),
          args: { material: name, other: first + 1 },
        });
      });
    });
    const index = materialIndex(bundle);
    const seenMembers = new Set<string>();
    bundle.members.forEach((member, i) => {
      const item = members.get(member.code);
      if (!item?.materials || seenMembers.has(member.code)) return;
      seenMembers.add(member.code);
      const asked = new Set<string>();
      for (const { name } of item.materials) {
        const key = materialKey(name);
        if (asked.has(key)) continue;
        asked.add(key);
        const entry = index.get(key);
        const args = { material: name, member: item.name ?? member.code, value: member.code };
        if (entry === undefined)
          out.push({ code: 'bundle/material-missing', path: toPointer(['members', i, 'code']), args });
        else if (!bundle.materials[entry]?.neededBy.includes(member.code))
          out.push({ code: 'bundle/material-unlinked', path: toPointer(['materials', entry, 'neededBy']), args });
      }
    });
    bundle.materials.forEach((material, i) => {
      const keys = new Set(namesOf(material).map(materialKey));
      material.neededBy.forEach((code, j) => {
        const item = members.get(code);
        if (!item?.materials || !bundle.members.some((m) => m.code === code)) return;
        if (item.materials.some((m) => keys.has(materialKey(m.name)))) return;
        out.push({
          code: 'bundle/material-not-needed',
          path: toPointer(['materials', i, 'neededBy', j]),
          args: { material: material.name, member: item.name ?? code, value: code },
        });
      });
    });
    return out;
  },
});
