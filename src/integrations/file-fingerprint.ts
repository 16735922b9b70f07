/**
 * Fingerprints of folders as the file system sees them: every file's path, size and
 * modification time. Two equal fingerprints mean no file was added, removed, rewritten or
 * touched in between; reading them costs a `stat` per file, no file is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** One file as the file system describes it. */
export interface FileState {
  /** Its path relative to the folder, `/`-separated. */
  path: string;
  /** Its size in bytes. */
  size: number;
  /** Its modification time, ms (with the file system's sub-millisecond part). */
  mtimeMs: number;
}

/** The files under `dir` (not folders), sorted by path; none when it does not exist. `skip` leaves out paths by their relative path. */
export function fileStates(dir: string, skip: (path: string) => boolean = () => false): FileState[] {
  if (!existsSync(dir)) return [];
  const states: FileState[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = sep === '/' ? name : name.split(sep).join('/');
    if (skip(path)) continue;
    const stat = statSync(join(dir, name));
    if (stat.isFile()) states.push({ path, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return states.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** SHA-256 over file states in the order given: their paths, sizes and modification times. */
export function fingerprintOf(states: Iterable<FileState>): string {
  const hash = createHash('sha256');
  for (const { path, size, mtimeMs } of states) hash.update(`${path}\0${size}\0${mtimeMs}\n`);
  return hash.digest('hex');
}

/** The fingerprint of every file under `dir`. */
export function folderFingerprint(dir: string): string {
  return fingerprintOf(fileStates(dir));
}
