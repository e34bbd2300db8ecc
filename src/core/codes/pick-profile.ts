/**
 * `--profile auto`: which coding scheme a code or a catalog is written in. A code that one of the
 * profiles' own layouts reads (Sichuan's hyphenated codes) is in that profile; otherwise the origin of its
 * basic code (a province's own items) or the catalog's region names a profile that detects it; otherwise
 * the national scheme. The candidates are the built-in profiles and those the config lists.
 */
import type { CatalogMeta } from '../model.js';
import {
  basicCodeLength,
  implementationCodeLengths,
  isOtherBasicForm,
  splitImplementationCode,
  type CodeProfile,
} from './profile.js';

function byOrigin(origin: string | undefined, candidates: readonly CodeProfile[]): CodeProfile | undefined {
  if (origin === undefined || origin === '00') return undefined;
  return candidates.find((p) => p.detect?.origins?.includes(origin));
}

/** The origin segment of a national-layout code: the first two characters of its basic code. */
function originOf(code: string, national: CodeProfile): string | undefined {
  if (code.length === basicCodeLength(national)) return code.slice(0, 2);
  const [short, long] = implementationCodeLengths(national);
  if (code.length === short || code.length === long) return code.slice(19, 21);
  return undefined;
}

export function profileForCode(code: string, national: CodeProfile, candidates: readonly CodeProfile[]): CodeProfile {
  const withLayout = candidates.find((p) => {
    const layout = p.implementationCode.layouts?.length ? splitImplementationCode(code, p)?.layout : undefined;
    return layout !== undefined && layout !== 'national';
  });
  if (withLayout) return withLayout;
  // A basic code in one of a region's other whole-code forms (Sichuan's `G-000007-001`).
  const withForm = candidates.find((p) => p !== national && isOtherBasicForm(code, p));
  if (withForm) return withForm;
  return byOrigin(originOf(code, national), candidates) ?? national;
}

/** A catalog without a profile of its own: by its region (an implementation list) or origin (a basic catalog). */
export function profileForCatalog(
  meta: Partial<CatalogMeta> | undefined,
  national: CodeProfile,
  candidates: readonly CodeProfile[],
): CodeProfile {
  const prefix = meta?.kind === 'basic' ? meta.origin : meta?.region?.slice(0, 2);
  return byOrigin(prefix, candidates) ?? national;
}
