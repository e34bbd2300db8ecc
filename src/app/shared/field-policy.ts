/** Which elements diff and compare hold to the standard, and which may vary by region: the config's lists, else the defaults. */
import { DEFAULT_POLICY, type ElementName, type FieldPolicy } from '../../core/diff/elements.js';
import type { Workspace } from '../../io/workspace.js';

export function fieldPolicy(workspace: Workspace): FieldPolicy {
  const configured = workspace.config?.config.diff;
  return {
    standard: (configured?.standard as ElementName[] | undefined) ?? DEFAULT_POLICY.standard,
    vary: (configured?.vary as ElementName[] | undefined) ?? DEFAULT_POLICY.vary,
  };
}
