/**
 * Parses of seeds kept between builds in Astro's cache folder, one JSON file a seed, named by
 * the digest of the parser's code, the seed's path and its bytes: a seed whose digest has a file
 * is not parsed again. They are kept out of Astro's content store on purpose: Astro bundles the
 * whole store into every build, and a second copy of every record there (about 70 % of the store)
 * made that bundling, and every build, grow with the archive.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseResult } from '../lib/index.ts';

/** The suffix of a kept parse's file name. */
const SUFFIX = '.json';

/** The digest a seed's parse is kept under: the parser's code digest, the seed's path and its bytes. */
export function parseDigest(code: string, file: string, content: string | Uint8Array): string {
  return createHash('sha256').update(code).update('\0').update(file).update('\0').update(content).digest('hex');
}

/** The kept parse of `digest` in `folder`, or undefined when there is none (or it cannot be read). */
export function readParse(folder: string, digest: string): ParseResult | undefined {
  const file = join(folder, `${digest}${SUFFIX}`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ParseResult;
  } catch {
    // A file cut short (a build killed while writing it) is a miss: the seed is parsed again.
    return undefined;
  }
}

/** Keeps `result` in `folder` under `digest`, written whole or not at all. */
export function writeParse(folder: string, digest: string, result: ParseResult): void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${digest}${SUFFIX}`);
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(result));
  renameSync(partial, file);
}

/** Removes every kept parse in `folder` but those of `digests` (the seeds there are now). */
export function keepParses(folder: string, digests: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (!digests.has(name.slice(0, -SUFFIX.length)) || !name.endsWith(SUFFIX))
      rmSync(join(folder, name), { force: true });
  }
}
