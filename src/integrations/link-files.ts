/** Files put in a second place without writing their bytes again. */
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Puts each of `paths` (relative to `from`) at the same path under `to`, as a hard link: the
 * same file under two names, no byte written. Where the file system cannot link (another device,
 * a file system without links) the file is copied. A linked file changed in place changes under
 * both names: whoever keeps one must be able to tell (see bundle-cache.ts).
 */
export function linkFiles(from: string, to: string, paths: Iterable<string>): void {
  const made = new Set<string>();
  for (const path of paths) {
    const target = join(to, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(join(from, path), target);
    } catch {
      copyFileSync(join(from, path), target);
    }
  }
}
