/**
 * `tongban code assign`, the plan: which code each uncoded item gets, which existing codes the ledger
 * must record, and what stops the plan. Pure: files and the ledger in, a plan out; io applies it.
 *
 * Never reuse: a new main number is one above the highest ever issued for its origin and type (the
 * ledger's retired codes included), a sub number one above the highest under its main item; an
 * implementation code is composed from its parts and refused if that code was ever issued before.
 */
import type { BasicItem, CatalogMeta, ImplementationItem, Incomplete } from '../model.js';
import type { RuleFinding } from '../diagnostic.js';
import { checkUscc } from './uscc.js';
import { ledgerIndex, type Ledger, type LedgerEntry } from './ledger.js';
import {
  implementationCodeLengths,
  levelDigitFor,
  ownEntry,
  parseBasicCode,
  splitImplementationCode,
  type CodeProfile,
  type Segment,
} from './profile.js';

export interface PlanItem {
  /** Path relative to the catalog folder, `/` separated. */
  file: string;
  data: BasicItem | ImplementationItem;
}

export interface PlanInput {
  kind: 'basic' | 'implementation';
  meta: CatalogMeta;
  items: readonly PlanItem[];
  ledger: Ledger;
  profile: CodeProfile;
  /** The date written into new ledger entries (YYYY-MM-DD). */
  today: string;
  /** Assign only to these files (merge and split code their new items only). */
  only?: ReadonlySet<string>;
}

export interface Assignment {
  file: string;
  code: string;
  /** For a sub-item that named its main item by name: the main item's code, to write into `parent`. */
  parent?: string;
  /** New file name when the catalog names item files after their codes. */
  rename?: string;
  /** The code the ledger already records for this file, given back (not a new code). */
  restored?: boolean;
}

export interface CodePlan {
  assignments: Assignment[];
  /** Codes found in item files that the ledger does not know yet. */
  adopted: { file: string; code: string }[];
  /** Active codes whose item file was moved or renamed since the ledger recorded it: the ledger follows. */
  moved: { code: string; from: string; to: string }[];
  /** Why the plan cannot be applied; nothing is written while there are any. */
  problems: (RuleFinding & { file: string })[];
  ledger: Ledger;
}

function segment(profile: CodeProfile, name: string): Segment | undefined {
  return profile.basicCode.segments.find((s) => s.name === name);
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

/** Files are named after codes when every coded item's file is `<code>.yaml`. */
function namesFilesByCode(items: readonly PlanItem[]): boolean {
  const coded = items.filter((i) => i.data.code !== undefined);
  return coded.length > 0 && coded.every((i) => i.file.replace(/^.*\//, '').replace(/\.ya?ml$/i, '') === i.data.code);
}

function renamed(file: string, code: string): string {
  const extension = /\.yml$/i.test(file) ? '.yml' : '.yaml';
  return file.replace(/[^/]*$/, code + extension);
}

/** Every code the catalog has ever issued or holds, for never-reuse. */
function knownCodes(input: PlanInput): Set<string> {
  const codes = new Set(input.ledger.entries.map((e) => e.code));
  for (const item of input.items) if (item.data.code !== undefined) codes.add(item.data.code);
  return codes;
}

type Problem = CodePlan['problems'][number];

function planBasic(input: PlanInput, taken: Set<string>, problems: Problem[]): Assignment[] {
  const { profile, meta } = input;
  const main = segment(profile, 'main');
  const sub = segment(profile, 'sub');
  if (!main) {
    problems.push({
      file: 'catalog.yaml',
      code: 'assign/profile-unsupported',
      path: '',
      args: { profile: profile.id },
    });
    return [];
  }
  const subNone = profile.assignment?.subNone ?? '0'.repeat(sub?.length ?? 0);
  const subParent = profile.assignment?.subParent ?? subNone;
  const segments = profile.basicCode.segments;
  const compose = (values: Record<string, string>) => segments.map((s) => values[s.name] ?? '').join('');
  const stemOf = (values: Record<string, string>) =>
    segments
      .filter((s) => s.name !== 'sub')
      .map((s) => values[s.name] ?? '')
      .join('');

  // Highest main number per origin+type, and highest sub number per main item, over every known code.
  const highestMain = new Map<string, number>();
  const highestSub = new Map<string, number>();
  const note = (code: string) => {
    const parsed = parseBasicCode(code, profile);
    if (!('values' in parsed)) return;
    const { values } = parsed;
    const group = (values.origin ?? '') + (values.type ?? '');
    highestMain.set(group, Math.max(highestMain.get(group) ?? 0, Number(values.main)));
    const subNumber = Number(values.sub);
    if (!Number.isNaN(subNumber))
      highestSub.set(stemOf(values), Math.max(highestSub.get(stemOf(values)) ?? 0, subNumber));
  };
  taken.forEach(note);

  const uncoded = input.items.filter((i) => i.data.code === undefined && (!input.only || input.only.has(i.file)));
  const names = new Map(input.items.map((i) => [i.data.name, i]));
  const hasNewSubItems = new Set(
    uncoded.map((i) => (i.data as BasicItem).parent).filter((p): p is string => p !== undefined),
  );
  const codeOf = new Map<PlanItem, string>(
    input.items.filter((i) => i.data.code).map((i) => [i, i.data.code as string]),
  );
  const out: Assignment[] = [];
  // Main items before sub-items, so a sub-item can name a main item that is coded in this same plan.
  const ordered = [...uncoded].sort(
    (a, b) => Number((a.data as BasicItem).parent !== undefined) - Number((b.data as BasicItem).parent !== undefined),
  );
  for (const item of ordered) {
    const data = item.data as BasicItem;
    const type = ownEntry(profile.typeCodes, data.type);
    if (type === undefined) {
      problems.push({
        file: item.file,
        code: 'assign/type-unknown',
        path: '/type',
        args: { type: data.type, profile: profile.id },
      });
      continue;
    }
    const base: Record<string, string> = { type };
    // catalog.schema.json requires a basic catalog's origin, and plans are made only for valid catalogs.
    if (segment(profile, 'origin')) base.origin = meta.origin ?? '';
    if (data.parent !== undefined) {
      const parentItem = names.get(data.parent);
      const parentCode = parentItem ? codeOf.get(parentItem) : taken.has(data.parent) ? data.parent : undefined;
      const parsed = parentCode === undefined ? undefined : parseBasicCode(parentCode, profile);
      if (!parsed || !('values' in parsed) || !sub) {
        problems.push({
          file: item.file,
          code: 'assign/parent-unknown',
          path: '/parent',
          args: { value: data.parent },
        });
        continue;
      }
      const stem = stemOf(parsed.values);
      const next = (highestSub.get(stem) ?? 0) + 1;
      if (next >= 10 ** sub.length) {
        problems.push({
          file: item.file,
          code: 'assign/exhausted',
          path: '/parent',
          args: { segment: sub.title, group: stem },
        });
        continue;
      }
      highestSub.set(stem, next);
      const code = compose({ ...parsed.values, sub: pad(next, sub.length) });
      out.push({ file: item.file, code, ...(parentCode !== data.parent ? { parent: parentCode as string } : {}) });
      codeOf.set(item, code);
      continue;
    }
    const group = (base.origin ?? '') + type;
    const next = (highestMain.get(group) ?? 0) + 1;
    if (next >= 10 ** main.length) {
      problems.push({ file: item.file, code: 'assign/exhausted', path: '/type', args: { segment: main.title, group } });
      continue;
    }
    highestMain.set(group, next);
    const isParent = hasNewSubItems.has(data.name);
    const code = compose({ ...base, main: pad(next, main.length), sub: isParent ? subParent : subNone });
    out.push({ file: item.file, code });
    codeOf.set(item, code);
  }
  return out;
}

function planImplementation(
  input: PlanInput,
  taken: Set<string>,
  ledger: Map<string, LedgerEntry>,
  problems: Problem[],
): Assignment[] {
  const { profile, meta } = input;
  const [shortLength, longLength] = implementationCodeLengths(profile);
  const out: Assignment[] = [];
  for (const item of input.items.filter((i) => i.data.code === undefined && (!input.only || input.only.has(i.file)))) {
    // Real lists lack whole elements; an item without what its code is made of cannot be coded (yet).
    const partial = item.data as Incomplete<ImplementationItem>;
    const missing: string[] = (['basicCode', 'agency', 'levels'] as const).filter((e) => partial[e] === undefined);
    if (partial.agency !== undefined && partial.agency.uscc === undefined) missing.push('agency.uscc');
    if (missing.length) {
      problems.push({
        file: item.file,
        code: 'assign/element-missing',
        path: '',
        args: { elements: missing.join(', ') },
      });
      continue;
    }
    const data = item.data as ImplementationItem;
    if (checkUscc(data.agency.uscc)) {
      problems.push({
        file: item.file,
        code: 'assign/agency-invalid',
        path: '/agency/uscc',
        args: { value: data.agency.uscc },
      });
      continue;
    }
    const level = meta.level !== undefined && data.levels.includes(meta.level) ? meta.level : data.levels[0];
    const digit = level === undefined ? undefined : levelDigitFor(profile, level);
    if (digit === undefined) {
      problems.push({ file: item.file, code: 'assign/level-unknown', path: '/levels', args: { level: level ?? '' } });
      continue;
    }
    if ('problem' in parseBasicCode(data.basicCode, profile)) {
      problems.push({
        file: item.file,
        code: 'assign/basic-invalid',
        path: '/basicCode',
        args: { value: data.basicCode },
      });
      continue;
    }
    const base = data.agency.uscc + digit + data.basicCode;
    let code = base;
    if (data.handlingItem !== undefined) {
      const suffixLength = longLength - shortLength;
      let highest = 0;
      for (const known of taken)
        if (known.length === longLength && known.startsWith(base))
          highest = Math.max(highest, Number(known.slice(shortLength)) || 0);
      if (highest + 1 >= 10 ** suffixLength) {
        problems.push({
          file: item.file,
          code: 'assign/exhausted',
          path: '/handlingItem',
          args: { segment: '业务办理项', group: base },
        });
        continue;
      }
      code = base + pad(highest + 1, suffixLength);
    }
    if (taken.has(code)) {
      const previous = ledger.get(code);
      const problem = previous?.state === 'retired' ? 'assign/impl-retired' : 'assign/impl-taken';
      problems.push({
        file: item.file,
        code: problem,
        path: '/basicCode',
        args: { value: code, retired: previous?.retired ?? '' },
      });
      continue;
    }
    // Taken from here on: a second item composing the same code in this plan must not get it too.
    taken.add(code);
    out.push({ file: item.file, code });
  }
  return out;
}

/**
 * An uncoded item whose file the ledger records under an active code that no item holds has lost its
 * `code` line (an edit, a bad merge): it gets that code back rather than a new one, so a code stays with
 * its item and the old one is not left behind as active for a file that no longer carries it.
 */
function restoredCodes(input: PlanInput): Assignment[] {
  const held = new Set(input.items.map((i) => i.data.code).filter((c): c is string => c !== undefined));
  const restored: Assignment[] = [];
  for (const item of input.items) {
    if (item.data.code !== undefined || (input.only && !input.only.has(item.file))) continue;
    const entry = input.ledger.entries.find((e) => e.state === 'active' && e.file === item.file && !held.has(e.code));
    if (!entry) continue;
    held.add(entry.code);
    restored.push({ file: item.file, code: entry.code, restored: true });
  }
  return restored;
}

/**
 * Whether `code` has the shape of a code of the catalog's kind under its profile. A wrong check character
 * is not a wrong shape: such a code is in use and recorded (validate reports the check character).
 */
function isCodeShape(input: PlanInput, code: string): boolean {
  if (input.kind === 'implementation') return splitImplementationCode(code, input.profile) !== undefined;
  const parsed = parseBasicCode(code, input.profile);
  return 'values' in parsed;
}

export function planAssignments(input: PlanInput): CodePlan {
  const problems: Problem[] = [];
  const index = ledgerIndex(input.ledger);
  // Codes in files must be unique and current before anything new is issued next to them.
  const seen = new Map<string, string>();
  for (const item of input.items) {
    const code = item.data.code;
    if (code === undefined) continue;
    const other = seen.get(code);
    if (other !== undefined)
      problems.push({ file: item.file, code: 'code/duplicate', path: '/code', args: { value: code, other } });
    seen.set(code, item.file);
    // A code the ledger does not know yet is recorded as it is: one that is not a code at all must not be.
    if (!index.has(code) && !isCodeShape(input, code))
      problems.push({
        file: item.file,
        code: 'assign/code-malformed',
        path: '/code',
        args: { value: code, profile: input.profile.id },
      });
    // A cancelled item keeps its (retired) code; a live item must not carry one.
    if (index.get(code)?.state === 'retired' && item.data.status !== '取消')
      problems.push({
        file: item.file,
        code: 'ledger/retired-in-use',
        path: '/code',
        args: { value: code, retired: index.get(code)?.retired ?? '' },
      });
  }
  const taken = knownCodes(input);
  const restored = restoredCodes(input);
  // Items that get a code back are not numbered anew.
  const toNumber = {
    ...input,
    only: new Set(
      input.items
        .filter((i) => i.data.code === undefined && (!input.only || input.only.has(i.file)))
        .map((i) => i.file)
        .filter((file) => !restored.some((r) => r.file === file)),
    ),
  };
  const numbered =
    input.kind === 'basic'
      ? planBasic(toNumber, taken, problems)
      : planImplementation(toNumber, taken, index, problems);
  const assignments = [...restored, ...numbered];
  for (const a of assignments) taken.add(a.code);

  if (namesFilesByCode(input.items)) {
    for (const a of assignments) {
      // An uncoded file already named after the code it gets stays where it is.
      const target = renamed(a.file, a.code);
      if (target !== a.file) a.rename = target;
    }
  }
  const files = new Set(input.items.map((i) => i.file));
  for (const a of assignments) {
    if (a.rename !== undefined && files.has(a.rename))
      problems.push({ file: a.file, code: 'assign/rename-exists', path: '', args: { value: a.rename } });
  }

  const adopted = input.items
    .filter((i) => i.data.code !== undefined && !index.has(i.data.code))
    .map((i) => ({ file: i.file, code: i.data.code as string }));
  const moved = input.items
    .filter((i) => i.data.code !== undefined && index.get(i.data.code)?.state === 'active')
    .map((i) => ({ code: i.data.code as string, from: index.get(i.data.code as string)?.file ?? '', to: i.file }))
    .filter((m) => m.from !== '' && m.from !== m.to);
  const fileNow = new Map([
    ...moved.map((m) => [m.code, m.to] as const),
    ...restored.filter((r) => r.rename).map((r) => [r.code, r.rename as string] as const),
  ]);
  const entries: LedgerEntry[] = [
    ...input.ledger.entries.map((e) => (fileNow.has(e.code) ? { ...e, file: fileNow.get(e.code) as string } : e)),
    ...adopted.map((a) => ({ code: a.code, state: 'active' as const, file: a.file, issued: input.today })),
    ...numbered.map((a) => ({
      code: a.code,
      state: 'active' as const,
      file: a.rename ?? a.file,
      issued: input.today,
    })),
  ];
  return { assignments, adopted, moved, problems, ledger: { version: 1, entries } };
}
