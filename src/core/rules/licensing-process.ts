/**
 * A 行政许可 is decided through at least 受理、审查、决定 (Administrative Licensing Law, ch. 4). Only a
 * process that is given is judged: most real lists do not describe the process at all, which is a
 * completeness question, not a wrong process.
 */
import { itemRule } from './rule.js';

/** Each required stage with the step names that real lists use for it. */
const REQUIRED_STAGES: readonly { stage: string; words: readonly string[] }[] = [
  { stage: '受理', words: ['受理', '收件'] },
  { stage: '审查', words: ['审查', '审核', '核查', '审批'] },
  { stage: '决定', words: ['决定', '批准', '审定', '办结'] },
];

export const licensingProcess = itemRule({
  id: 'licensing-process',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['process/licensing-steps'],
  check(item) {
    if (item.type !== '行政许可' || item.process === undefined || item.process.length === 0) return [];
    const names = item.process.map((step) => step.name ?? '');
    const missing = REQUIRED_STAGES.filter(({ words }) => !names.some((name) => words.some((w) => name.includes(w))));
    if (missing.length === 0) return [];
    return [
      {
        code: 'process/licensing-steps',
        path: '/process',
        args: { missing: missing.map((m) => m.stage).join('、') },
      },
    ];
  },
});
