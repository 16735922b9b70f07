/** Sizes of built output. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A folder's file count and total size. */
export interface DirStats {
  /** Regular files under the folder. */
  files: number;
  /** Their total size in bytes. */
  bytes: number;
}

/** Counts the files under `dir` and their bytes (zeros when it does not exist). */
export function dirStats(dir: string): DirStats {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
