/** The floor under any validator: read every YAML file under a folder and parse it with the `yaml` library. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

let files = 0;
for (const entry of readdirSync(process.argv[2], { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
  parseDocument(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')).toJS();
  files++;
}
process.stdout.write(`${files} files parsed\n`);
