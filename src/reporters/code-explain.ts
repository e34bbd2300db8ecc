/** `tongban code explain` output: one table per code (segment, position, value, meaning), or JSON. */
import stringWidth from 'string-width';
import type { Explanation } from '../core/codes/explain.js';
import { formatMessage, uiText, type Lang } from '../i18n/index.js';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function explainText(explanations: readonly Explanation[], lang: Lang): string {
  const blocks = explanations.map((e) => {
    const head = `${e.code}  ${uiText(lang, `explain.kind.${e.kind}`)}`;
    const rows = e.parts.map((p) => [
      p.ok ? '✔' : '✖',
      p.title,
      String(p.position),
      p.value,
      formatMessage(lang, p.meaning.code, p.meaning.args),
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((r) => stringWidth(r[i] as string))));
    const lines = rows.map(
      (r) => '  ' + r.map((cell, i) => (i < 4 ? pad(cell, widths[i] as number) : cell)).join('  '),
    );
    const verdict = e.problem
      ? `  ✖ ${formatMessage(lang, e.problem.code, e.problem.args)}`
      : `  ✔ ${uiText(lang, 'explain.valid')}`;
    return [head, ...lines, verdict].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

export function explainJson(explanations: readonly Explanation[], lang: Lang): string {
  const output = explanations.map((e) => ({
    code: e.code,
    kind: e.kind,
    valid: e.problem === undefined,
    ...(e.problem
      ? { problem: { code: e.problem.code, message: formatMessage(lang, e.problem.code, e.problem.args) } }
      : {}),
    segments: e.parts.map((p) => ({
      name: p.name,
      title: p.title,
      position: p.position,
      value: p.value,
      meaning: formatMessage(lang, p.meaning.code, p.meaning.args),
      ok: p.ok,
    })),
  }));
  return JSON.stringify(output, null, 2) + '\n';
}
