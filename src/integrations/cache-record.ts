/**
 * Records a build keeps in Astro's cache folder for the next build (what it learnt of each page
 * or bundle). A record that is missing or cannot be read is no record: the next build learns it
 * again, so a lost or damaged file costs time, never correctness.
 */
import { existsSync, readFileSync } from 'node:fs';

/** The JSON record in `file`, or `empty` when there is none or it cannot be read. */
export function readCacheRecord<T>(file: string | undefined, empty: T): T {
  try {
    return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : empty;
  } catch {
    return empty;
  }
}
