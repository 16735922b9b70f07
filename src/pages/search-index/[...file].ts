/**
 * The phrase index's files: a pack of each period's shards (`/search-index/m/packs/<period>.pack`,
 * which the phrase-index integration writes out as `/search-index/p/<period>/<shard>.bin`), the
 * filter lists (`/search-index/f/<key>.txt`) and the list of item ids in item order
 * (`/search-index/m/items.txt`). The packs and the list are read and replaced by the item →
 * fragment map blocks in the same folder once Pagefind has indexed the pages. A period's shards
 * go as one file because a route a file would make Astro render, write and cache thousands of
 * files of about a kilobyte (docs/scale.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { packFiles } from '../../search/file-pack.ts';
import { ITEMS_FILE, PERIODS_DIR, periodPackPath, periodShardPath } from '../../search/phrase-codec.ts';
import { sitePhraseIndex } from '../../search/phrase-site.ts';
import { keyed } from '../../site/cache-key.ts';

/** Each file with its bytes as the page's only prop (base64), so the file's key is its content's digest. */
export const getStaticPaths = (async () => {
  const index = await sitePhraseIndex();
  const packs = index.manifest.periods.map(([period, , , shards]) => {
    const shardFiles = Array.from({ length: shards }, (_, shard): [string, Uint8Array] => {
      const path = periodShardPath(period, shard);
      const bytes = index.files.get(path);
      if (!bytes) throw new Error(`The phrase index has no ${path} for its period ${period}.`);
      return [`${shard}.bin`, bytes];
    });
    return { file: periodPackPath(period), bytes: packFiles(shardFiles) };
  });
  const rest = [...index.files]
    .filter(([file]) => !file.startsWith(`${PERIODS_DIR}/`))
    .map(([file, bytes]) => ({ file, bytes }));
  const items = { file: ITEMS_FILE, bytes: new TextEncoder().encode(`${index.ids.join('\n')}\n`) };
  return keyed(
    [...packs, ...rest, items].map(({ file, bytes }) => ({
      params: { file },
      props: { body: Buffer.from(bytes).toString('base64') },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(new Blob([new Uint8Array(Buffer.from(props.body, 'base64'))]));
