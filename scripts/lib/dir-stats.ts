/** Sizes of built output. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { archiveBytes } from '../../src/integrations/byte-size.ts';

/** A folder's file count and total size. */
export interface DirStats {
  /** Regular files under the folder. */
  files: number;
  /** Their total size in bytes. */
  bytes: number;
  /** The size of the folder as the tar archive GitHub Pages takes (`archiveBytes`). */
  archive: number;
}

/** Counts the files under `dir`, their bytes and the folder's archive size (zeros when it does not exist). */
export function dirStats(dir: string): DirStats {
  if (!existsSync(dir)) return { files: 0, bytes: 0, archive: 0 };
  const files: { path: string; size: number }[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path: relative(dir, path).split(sep).join('/'), size: statSync(path).size });
  }
  return { files: files.length, bytes: files.reduce((sum, { size }) => sum + size, 0), archive: archiveBytes(files) };
}

/** The largest file of a kind under a folder. */
export interface LargestFile {
  /** Its path relative to the folder, or null when there is none. */
  path: string | null;
  /** Its size in bytes (0 when there is none). */
  bytes: number;
}

/** The largest file under `dir` whose name ends with `suffix` (`.html`, `.json`). */
export function largestFile(dir: string, suffix: string): LargestFile {
  let largest: LargestFile = { path: null, bytes: 0 };
  if (!existsSync(dir)) return largest;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    if (bytes > largest.bytes) largest = { path: relative(dir, path), bytes };
  }
  return largest;
}
