/** `tongban code explain`: codes taken apart segment by segment under a code profile. */
import { explainCode, type Explanation } from '../core/codes/explain.js';
import type { Workspace } from '../io/workspace.js';

export interface ExplainCodesOptions {
  codes: readonly string[];
  /** A profile name (`national`) or profile file; default national. */
  profile?: string;
}

export interface ExplainResult {
  explanations: Explanation[];
}

export async function explainCodes(workspace: Workspace, options: ExplainCodesOptions): Promise<ExplainResult> {
  const profile = workspace.profile(options.profile ?? 'national');
  return { explanations: options.codes.map((code) => explainCode(code, profile, workspace.regions)) };
}
