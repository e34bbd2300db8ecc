/**
 * The item model as the rules see it, after the JSON Schema has accepted the document.
 * The schemas in `schemas/` are the authority; these types mirror them for the compiler.
 */
import type { Finding } from './diagnostic.js';

export type CatalogKind = 'basic' | 'implementation';

export interface CatalogMeta {
  kind: CatalogKind;
  name: string;
  origin?: string;
  region?: string;
  level?: string;
  basic?: string;
  profile?: string;
  publisher?: string;
  version?: string;
}

export interface TimeLimit {
  value: number;
  unit: string;
  note?: string;
}

export interface Basis {
  law: string;
  article?: string;
  text?: string;
}

export interface Agency {
  name: string;
  uscc: string;
  nature?: string;
}

export interface Contact {
  phone: string;
  address?: string;
  url?: string;
  email?: string;
}

export interface Material {
  name: string;
  necessity: string;
  forms: string[];
  copies: number;
  paperFormat?: string;
  source: string;
  issuer?: string;
  eLicence?: boolean;
  blankForm?: string;
  sample?: string;
  instructions?: string;
  basis?: string;
}

export interface ProcessStep {
  name: string;
  description?: string;
  timeLimit?: TimeLimit;
}

export interface SpecialStep {
  name: string;
  timeLimit: TimeLimit;
  counted: boolean;
  description?: string;
}

export interface FeeItem {
  name: string;
  standard: string;
  basis?: string;
  reductions?: string;
}

export interface ItemCommon {
  code?: string;
  name: string;
  type: string;
  levels: string[];
  basis: Basis[];
  status?: string;
  version?: string;
  effectiveDate?: string;
  cancelDate?: string;
}

export interface BasicItem extends ItemCommon {
  parent?: string;
  description?: string;
}

export interface ImplementationItem extends ItemCommon {
  basicCode: string;
  handlingItem?: string;
  powerSource?: string;
  agency: Agency;
  entrustedAgency?: Agency;
  jointAgencies?: string[];
  serviceObjects: string[];
  conditions?: string[];
  materials?: Material[];
  process?: ProcessStep[];
  specialSteps?: SpecialStep[];
  handlingType: string;
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  visits: number;
  visitReason?: string;
  online: { depth: number; url?: string; mobileUrl?: string; appointment?: boolean; delivery?: boolean };
  fee: { charged: boolean; items?: FeeItem[]; onlinePayment?: boolean };
  place?: string;
  hours?: string;
  contacts?: { consultation?: Contact; complaint?: Contact };
  results?: { name: string; type: string; sample?: string }[];
  faq?: { question: string; answer: string }[];
}

/**
 * An item as the semantic rules see it: every element the author wrote with the right shape, but any
 * element (at any depth) may be missing. Real catalogs lack whole elements; what is there is still checked.
 */
export type Incomplete<T> = T extends readonly (infer U)[]
  ? Incomplete<U>[]
  : T extends object
    ? { [K in keyof T]?: Incomplete<T[K]> }
    : T;

export interface ItemOfKind {
  basic: BasicItem;
  implementation: ImplementationItem;
}

/** A document as read from disk: `data` is whatever the YAML held, not yet trusted. */
export interface SourceDocument {
  file: string;
  data: unknown;
}

/**
 * One item file as read: its data when the file holds a YAML mapping, and the reader's findings about the
 * file itself (encoding, YAML syntax); when `data` is missing they say why.
 */
export interface ItemRead {
  file: string;
  data?: Record<string, unknown>;
  findings: Finding[];
}

/** One catalog folder as read: its catalog.yaml and its item files. */
export interface CatalogSource {
  /** Display path of the catalog folder. */
  dir: string;
  /** Display path of catalog.yaml. */
  metaFile: string;
  /** The parsed catalog.yaml, or undefined when it could not be read (the reader has said why). */
  meta: SourceDocument | undefined;
  /** The item files, read one at a time as they are iterated, so a large catalog is never held at once. */
  items: Iterable<ItemRead>;
  /** For an implementation list: display path of the basic catalog folder it names, resolved. */
  basicDir?: string;
  /** The catalog's ledger.yaml, when it has one (not yet checked). */
  ledger?: SourceDocument;
  /** The bundles (一件事) in its bundles/ folder that could be read as YAML mappings (not yet checked). */
  bundles?: SourceDocument[];
  /** False for a catalog loaded only because a requested implementation list refers to it. */
  requested: boolean;
}
