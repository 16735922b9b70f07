/**
 * Closed periods' parts of the phrase index kept between builds in Astro's cache folder, so a
 * build indexes again only the newest period and the periods whose items changed. One JSON file
 * a part, under `<folder>/<code>/<digest>.json`: `code` is the digest of the project's code and
 * lock file, so a code change never reuses a part made by other code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { KeptPeriods, PeriodPart } from './phrase-build.ts';

/** A part as its file holds it: the files' bytes in base64. */
interface StoredPart {
  /** The shard count. */
  shards: number;
  /** Path and base64 bytes of each file. */
  files: [path: string, base64: string][];
  /** The listed filters' counts. */
  counts: PeriodPart['counts'];
}

/** The digest of every file under `src/` of `root` and of its lock file: the code a part was made by. */
export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map((name) => join(src, name))
    .concat(join(root, 'package-lock.json'))
    .filter((file) => existsSync(file) && statSync(file).isFile())
    .sort();
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** The parts kept in `folder` for `code`, and `prune()` to remove every part this build did not use. */
export function keptPeriods(folder: string, code: string): KeptPeriods & { prune: () => void } {
  const own = join(folder, code);
  const used = new Set<string>();
  const file = (digest: string) => join(own, `${digest}.json`);
  return {
    get(digest) {
      used.add(digest);
      if (!existsSync(file(digest))) return undefined;
      try {
        const stored = JSON.parse(readFileSync(file(digest), 'utf8')) as StoredPart;
        return {
          shards: stored.shards,
          files: stored.files.map(([path, base64]) => [path, new Uint8Array(Buffer.from(base64, 'base64'))]),
          counts: stored.counts,
        };
      } catch {
        // A file cut short (a build killed while writing it) is a miss: the part is made again.
        return undefined;
      }
    },
    set(digest, part) {
      used.add(digest);
      mkdirSync(own, { recursive: true });
      const stored: StoredPart = {
        shards: part.shards,
        files: part.files.map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]),
        counts: part.counts,
      };
      const partial = `${file(digest)}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(stored));
      renameSync(partial, file(digest));
    },
    prune() {
      if (!existsSync(folder)) return;
      for (const name of readdirSync(folder)) {
        if (name !== code) rmSync(join(folder, name), { recursive: true, force: true });
      }
      if (!existsSync(own)) return;
      for (const name of readdirSync(own)) {
        if (!used.has(name.replace(/\.json$/u, ''))) rmSync(join(own, name), { force: true });
      }
    },
  };
}
