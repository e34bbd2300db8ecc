/** `tongban show --format yaml`: each matching item as YAML, one document each, headed by its file. */
import { stringify } from 'yaml';
import type { ShowResult } from '../../app/show-item.js';
import type { Reporter } from '../reporter.js';

export const yaml: Reporter<ShowResult> = (result) =>
  result.items
    .map(({ file, item }) => `# ${file.replace(/[\r\n]/g, ' ')}\n${stringify(item, { lineWidth: 0 })}`)
    .join('---\n');
