/** Every semantic rule, in the order their findings are most useful to read. */
import type { Rule } from './rule.js';
import { agencyRegion } from './agency-region.js';
import { basicCode } from './basic-code.js';
import { basicConformance } from './basic-conformance.js';
import { bundleAgencies } from './bundle-agencies.js';
import { bundleFigures } from './bundle-figures.js';
import { bundleIdentity } from './bundle-identity.js';
import { bundleMaterials } from './bundle-materials.js';
import { bundleMembers } from './bundle-members.js';
import { bundleTime } from './bundle-time.js';
import { catalogLevel } from './catalog-level.js';
import { catalogMeta } from './catalog-meta.js';
import { codeMissing } from './code-missing.js';
import { codeUnique } from './code-unique.js';
import { conditionsCatchAll } from './conditions-catch-all.js';
import { contacts } from './contacts.js';
import { fee } from './fee.js';
import { handlingType } from './handling-type.js';
import { implementationCode } from './implementation-code.js';
import { ledger } from './ledger.js';
import { licensingProcess } from './licensing-process.js';
import { resultSample } from './result-sample.js';
import { subItemParent } from './sub-item-parent.js';
import { timeLimits } from './time-limits.js';
import { usccCheck } from './uscc-check.js';
import { visits } from './visits.js';

export const RULES: readonly Rule[] = [
  catalogMeta,
  codeMissing,
  basicCode,
  implementationCode,
  codeUnique,
  ledger,
  subItemParent,
  usccCheck,
  agencyRegion,
  catalogLevel,
  basicConformance,
  timeLimits,
  handlingType,
  visits,
  fee,
  contacts,
  licensingProcess,
  resultSample,
  conditionsCatchAll,
  bundleIdentity,
  bundleMembers,
  bundleAgencies,
  bundleMaterials,
  bundleTime,
  bundleFigures,
];
