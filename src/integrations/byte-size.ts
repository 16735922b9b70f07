/**
 * Sizes of a built site as a build and the benchmark report them, and the limit of the host the
 * workflow publishes to.
 */
import { Buffer } from 'node:buffer';

/** GitHub Pages publishes sites of at most 1 GB (its usage limits), counted here in decimal units. */
export const GITHUB_PAGES_BYTES = 1e9;

/** Bytes as MB (10^6) or GB (10^9): `173.2 MB`, `1.64 GB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A tar archive's unit: each header and each file's data take whole blocks. */
const BLOCK = 512;

/** GNU tar's default blocking factor: it writes records of 20 blocks, the last one padded. */
const BLOCKING_FACTOR = 20;

/** The longest name (in bytes) a tar header holds; a longer one takes a `././@LongLink` entry first. */
const NAME_FIELD = 100;

/** The blocks of one member named `name` (UTF-8) with `size` bytes of data. */
function memberBlocks(name: string, size: number): number {
  const bytes = Buffer.byteLength(name);
  // The long name is stored as the data of an entry of its own, with its closing NUL.
  const longName = bytes > NAME_FIELD ? 1 + Math.ceil((bytes + 1) / BLOCK) : 0;
  return longName + 1 + Math.ceil(size / BLOCK);
}

/**
 * The size of the tar archive that `actions/upload-pages-artifact` makes of a folder holding these
 * files (`tar --dereference --hard-dereference -cvf artifact.tar .` run in it, GNU tar's default
 * format): a member for `./`, for each folder that holds a file, and for each file, each a header
 * and its data in 512-byte blocks, then two empty blocks, padded to a whole record of
 * `blockingFactor` blocks (10,240 bytes by default). This archive is what GitHub Pages limits, so
 * many small files weigh more than their bytes.
 */
export function archiveBytes(
  files: Iterable<{ path: string; size: number }>,
  blockingFactor = BLOCKING_FACTOR,
): number {
  let blocks = memberBlocks('./', 0) + 2;
  const folders = new Set<string>();
  for (const { path, size } of files) {
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      const folder = path.slice(0, slash);
      if (folders.has(folder)) continue;
      folders.add(folder);
      blocks += memberBlocks(`./${folder}/`, 0);
    }
    blocks += memberBlocks(`./${path}`, size);
  }
  return Math.ceil(blocks / blockingFactor) * blockingFactor * BLOCK;
}
