/** How paths are shown to the user: relative to the working folder, with `/` on every platform. */
import path from 'node:path';

export function displayPath(cwd: string, absolute: string): string {
  return (path.relative(cwd, absolute) || '.').split(path.sep).join('/');
}
