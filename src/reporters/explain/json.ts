/** `tongban code explain --format json` (schemas/report-explain.schema.json): each code's segments and verdict. */
import type { ExplainResult } from '../../app/explain-codes.js';
import { formatMessage } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';
import { reportJson } from '../shared/json.js';

export const json: Reporter<ExplainResult> = ({ explanations }, { lang, version }) =>
  reportJson('explain', version, {
    codes: explanations.map((e) => ({
      code: e.code,
      kind: e.kind,
      profile: e.profile,
      valid: e.problem === undefined,
      ...(e.problem
        ? { problem: { code: e.problem.code, message: formatMessage(lang, e.problem.code, e.problem.args) } }
        : {}),
      segments: e.parts.map((p) => ({
        name: p.name,
        title: lang === 'en' ? (p.titleEn ?? p.title) : p.title,
        position: p.position,
        value: p.value,
        meaning: formatMessage(lang, p.meaning.code, p.meaning.args),
        ok: p.ok,
      })),
    })),
  });
