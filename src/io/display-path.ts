/**
 * How paths are shown to the user: relative to the working folder, with `/` on every platform; a path
 * outside the working folder in full (`/data/catalogs/x`, not `../../../data/catalogs/x`), as other
 * messages show it.
 */
import path from 'node:path';

export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' ? '.' : relative === '..' || relative.startsWith('..' + path.sep) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
