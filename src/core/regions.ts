/** GB/T 2260 administrative division codes, current and retired, as one index. */

export interface Region {
  code: string;
  name: string;
  /** Province and prefecture names as the source lists them, for display ("广东省 广州市 天河区"). */
  fullName: string;
  active: boolean;
  /** For a retired code: the code that replaced it, if any. */
  successor?: string;
}

export interface RegionIndex {
  get(code: string): Region | undefined;
}

/** Rows of gbt2260-history.csv: 代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码 */
export function buildRegionIndex(rows: readonly (readonly string[])[]): RegionIndex {
  const byCode = new Map<string, Region>();
  for (const [code = '', province = '', prefecture = '', name = '', , status = '', , , successor = ''] of rows) {
    if (!/^[0-9]{6}$/.test(code)) continue;
    const parts = [province, prefecture === '直辖' ? '' : prefecture, name].filter(
      (p, i, all) => p && all.indexOf(p) === i,
    );
    const region: Region = { code, name, fullName: parts.join(' '), active: status === '在用' };
    // A code can appear more than once in the history (retired, later reused); the one in use wins.
    const seen = byCode.get(code);
    if (seen?.active) continue;
    if (!region.active && successor) region.successor = successor;
    byCode.set(code, region);
  }
  return { get: (code) => byCode.get(code) };
}

/** Whether `inner` lies within `outer`: province xx0000 covers xx…, prefecture xxxx00 covers xxxx…. */
export function regionContains(outer: string, inner: string): boolean {
  if (outer.endsWith('0000')) return inner.startsWith(outer.slice(0, 2));
  if (outer.endsWith('00')) return inner.startsWith(outer.slice(0, 4));
  return inner === outer;
}
