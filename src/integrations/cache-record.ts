/**
 * Records a build keeps in Astro's cache folder for the next build (what it learnt of each page
 * or bundle, the parses of seeds, the closed periods of the phrase index). A record that is
 * missing or cannot be read is no record: the next build learns it again, so a lost or damaged
 * file costs time, never correctness.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The JSON record in `file`, or `empty` when there is none or it cannot be read. */
export function readCacheRecord<T>(file: string | undefined, empty: T): T {
  try {
    return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : empty;
  } catch {
    return empty;
  }
}

/** Writes `value` as the JSON record in `file`, whole or not at all (a build killed meanwhile leaves no half file). */
export function writeCacheRecord(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(value));
  renameSync(partial, file);
}

/** Removes everything in `folder` but the entries named in `names`. */
export function keepOnly(folder: string, names: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (!names.has(name)) rmSync(join(folder, name), { recursive: true, force: true });
  }
}

/**
 * The SHA-256 of the code a record was made by: every file under the `folders` of `root` and its
 * lock file, by path and bytes. A record kept under it counts only for the same code.
 */
export function codeDigest(root: string, folders: readonly string[]): string {
  const hash = createHash('sha256');
  const files = folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => join(root, folder, name)),
  );
  for (const file of [...files, join(root, 'package-lock.json')]) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
