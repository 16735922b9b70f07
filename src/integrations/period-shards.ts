/**
 * Writes the phrase index's period shards out of the packs the build wrote (one pack a period,
 * `src/pages/search-index/[...file].ts`): `<index>/m/packs/<period>.pack` becomes the folder
 * `<index>/p/<period>/`. A period whose pack is the one this cache folder's last build wrote out
 * (same digest) and whose folder still holds as many files is left as it is, so a new day
 * rewrites the newest periods' shards alone; any other period's folder is written again whole,
 * and the folders of periods without a pack are removed. The output folder is trusted as the
 * last build left it only when the kept-output check found it so (`kept-output.ts`); otherwise it
 * was emptied and every folder is written again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpackFiles } from '../search/file-pack.ts';
import { PACKS_DIR, PERIODS_DIR } from '../search/phrase-codec.ts';
import { keepOnly } from './cache-record.ts';

/** The digest of each period's pack a build wrote out, by period. */
export type WrittenPacks = Record<string, string>;

/** What `writePeriodShards` did. */
export interface PeriodShards {
  /** The digests to record for the next build. */
  packs: WrittenPacks;
  /** Periods whose folder was written. */
  written: string[];
  /** Periods whose folder was left as it was. */
  kept: string[];
  /** Shard files written. */
  files: number;
}

/** The file ending of a pack. */
const PACK = '.pack';

/**
 * Writes out the packs under `indexFolder` (the phrase index's folder in the output), given the
 * digests `known` an earlier build recorded; the packs themselves are left for the caller to remove.
 */
export function writePeriodShards(indexFolder: string, known: WrittenPacks): PeriodShards {
  const packsFolder = join(indexFolder, PACKS_DIR);
  const periodsFolder = join(indexFolder, PERIODS_DIR);
  const result: PeriodShards = { packs: {}, written: [], kept: [], files: 0 };
  const packs = existsSync(packsFolder)
    ? readdirSync(packsFolder)
        .filter((name) => name.endsWith(PACK))
        .sort()
    : [];
  for (const name of packs) {
    const period = name.slice(0, -PACK.length);
    const bytes = readFileSync(join(packsFolder, name));
    const digest = createHash('sha256').update(bytes).digest('hex');
    const files = unpackFiles(bytes);
    const nested = files.find(([file]) => file.includes('/'));
    if (nested)
      throw new Error(`${join(packsFolder, name)} holds ${nested[0]}: a period's shards are files of its folder.`);
    const folder = join(periodsFolder, period);
    result.packs[period] = digest;
    if (known[period] === digest && existsSync(folder) && readdirSync(folder).length === files.length) {
      result.kept.push(period);
      continue;
    }
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const [file, content] of files) writeFileSync(join(folder, file), content);
    result.written.push(period);
    result.files += files.length;
  }
  keepOnly(periodsFolder, new Set(Object.keys(result.packs)));
  return result;
}
