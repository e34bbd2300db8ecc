/**
 * What bundles need to know of their member items. Validation streams items and drops them once checked,
 * so it keeps this small summary of each item a bundle names (and of no other), and the bundle rules read
 * that. The guide, stats and comparisons build the same summaries from the items they read.
 */
import type { TimeLimit } from '../model.js';

export interface MemberFacts {
  file: string;
  code: string;
  /** False when the item fails its schema: it exists, but nothing else about it can be trusted. */
  valid: boolean;
  name?: string;
  status?: string;
  basicCode?: string;
  handlingItem?: string;
  agency?: { name: string; uscc: string };
  materials?: { name: string; necessity: string; eLicence: boolean }[];
  promisedLimit?: TimeLimit;
  visits?: number;
  onlineDepth?: number;
  handlingType?: string;
}

/**
 * What an item must have for bundles to know it: any of these may be missing (commands that read items
 * in part give what is there), so a whole item and a partial one both fit.
 */
export interface MemberSource {
  code?: string;
  name?: string;
  status?: string;
  basicCode?: string;
  handlingItem?: string;
  agency?: { name?: string; uscc?: string };
  materials?: { name?: string; necessity?: string; eLicence?: boolean }[];
  promisedLimit?: { value?: number; unit?: string };
  visits?: number;
  online?: { depth?: number };
  handlingType?: string;
}

export function memberFacts(file: string, item: MemberSource): MemberFacts {
  const { agency, promisedLimit } = item;
  return {
    file,
    code: item.code ?? '',
    valid: true,
    ...(item.name !== undefined ? { name: item.name } : {}),
    ...(item.status !== undefined ? { status: item.status } : {}),
    ...(item.basicCode !== undefined ? { basicCode: item.basicCode } : {}),
    ...(item.handlingItem !== undefined ? { handlingItem: item.handlingItem } : {}),
    ...(agency?.name !== undefined && agency.uscc !== undefined
      ? { agency: { name: agency.name, uscc: agency.uscc } }
      : {}),
    ...(item.materials
      ? {
          materials: item.materials.flatMap((m) =>
            m.name === undefined ? [] : [{ name: m.name, necessity: m.necessity ?? '', eLicence: m.eLicence === true }],
          ),
        }
      : {}),
    ...(promisedLimit?.value !== undefined && promisedLimit.unit !== undefined
      ? { promisedLimit: { value: promisedLimit.value, unit: promisedLimit.unit } }
      : {}),
    ...(item.visits !== undefined ? { visits: item.visits } : {}),
    ...(item.online?.depth !== undefined ? { onlineDepth: item.online.depth } : {}),
    ...(item.handlingType !== undefined ? { handlingType: item.handlingType } : {}),
  };
}

/** A member item that exists but fails its schema. */
export function invalidMember(file: string, code: string): MemberFacts {
  return { file, code, valid: false };
}

/** The member codes a bundle file names, read before any schema: what validation must keep facts about. */
export function memberCodesOf(data: unknown): string[] {
  const members = (data as { members?: unknown } | undefined)?.members;
  if (!Array.isArray(members)) return [];
  return members
    .map((m) => (m as { code?: unknown } | null)?.code)
    .filter((code): code is string => typeof code === 'string');
}
