/**
 * Fingerprints of folders as the file system sees them: every file's path, size and
 * modification time in nanoseconds. Two equal fingerprints mean no file was added, removed,
 * rewritten or touched in between; reading them costs a `stat` per file, no file is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The files under `dir` (paths relative to it, `/`-separated), sorted; none when it does not exist. */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** SHA-256 over every file under `dir`: its path, size and modification time (ns). */
export function folderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesIn(dir)) {
    const stat = statSync(join(dir, file), { bigint: true });
    hash.update(`${file}\0${stat.size}\0${stat.mtimeNs}\n`);
  }
  return hash.digest('hex');
}
