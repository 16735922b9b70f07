/** Byte-for-byte comparison of two built sites. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The files under `dir`, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The paths (relative) that are in only one of two folders or differ in bytes; none when they are identical. */
export function differentFiles(a: string, b: string): string[] {
  const left = filesUnder(a);
  const right = new Set(filesUnder(b));
  const leftSet = new Set(left);
  const differing = [...right].filter((path) => !leftSet.has(path));
  for (const path of left) {
    if (!right.has(path) || !readFileSync(join(a, path)).equals(readFileSync(join(b, path)))) differing.push(path);
  }
  return differing.sort();
}
