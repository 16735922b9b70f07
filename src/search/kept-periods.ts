/**
 * Closed periods' parts of the phrase index kept between builds in Astro's cache folder, so a
 * build indexes again only the newest period and the periods whose items changed. One JSON file
 * a part, under `<folder>/<code>/<digest>.json`: `code` is the digest of the project's code and
 * lock file, so a code change never reuses a part made by other code.
 */
import { join } from 'node:path';
import { keepOnly, readCacheRecord, writeCacheRecord } from '../integrations/cache-record.ts';
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

/** The parts kept in `folder` for `code`, and `prune()` to remove every part this build did not use. */
export function keptPeriods(folder: string, code: string): KeptPeriods & { prune: () => void } {
  const own = join(folder, code);
  const used = new Set<string>();
  const file = (digest: string) => join(own, `${digest}.json`);
  return {
    get(digest) {
      used.add(digest);
      const stored = readCacheRecord<StoredPart | undefined>(file(digest), undefined);
      return (
        stored && {
          shards: stored.shards,
          files: stored.files.map(([path, base64]) => [path, new Uint8Array(Buffer.from(base64, 'base64'))]),
          counts: stored.counts,
        }
      );
    },
    set(digest, part) {
      used.add(digest);
      writeCacheRecord(file(digest), {
        shards: part.shards,
        files: part.files.map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]),
        counts: part.counts,
      } satisfies StoredPart);
    },
    prune() {
      keepOnly(folder, new Set([code]));
      keepOnly(own, new Set([...used].map((digest) => `${digest}.json`)));
    },
  };
}
