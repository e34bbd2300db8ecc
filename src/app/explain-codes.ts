/**
 * `tongban code explain`: codes taken apart segment by segment under a code profile: the one named, or
 * with `auto` (the default) the one each code is written in, which the explanation names.
 */
import { explainCode, type Explanation } from '../core/codes/explain.js';
import { profileForCode } from '../core/codes/pick-profile.js';
import type { Workspace } from '../io/workspace.js';

export interface ExplainCodesOptions {
  codes: readonly string[];
  /** `auto` (default), a profile name (`national`) or a profile file. */
  profile?: string;
}

export interface ExplainResult {
  explanations: Explanation[];
}

export async function explainCodes(workspace: Workspace, options: ExplainCodesOptions): Promise<ExplainResult> {
  const named =
    options.profile === undefined || options.profile === 'auto' ? undefined : workspace.profile(options.profile);
  const candidates = named ? [] : workspace.profileCandidates();
  return {
    explanations: options.codes.map((code) =>
      explainCode(code, named ?? profileForCode(code, workspace.nationalProfile, candidates), workspace.regions),
    ),
  };
}
