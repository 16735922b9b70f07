/**
 * The phrase index's files (shards `/search-index/p/<period>/<shard>.bin`, filter lists `/search-index/f/<key>.txt`)
 * and the list of item ids in item order (`/search-index/m/items.txt`, read and replaced by the
 * item → fragment map blocks in the same folder by the phrase-index integration once Pagefind
 * has indexed the pages).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ITEMS_FILE } from '../../search/phrase-codec.ts';
import { sitePhraseIndex } from '../../search/phrase-site.ts';
import { keyed } from '../../site/cache-key.ts';

/** Each file with its bytes as the page's only prop (base64), so the file's key is its content's digest. */
export const getStaticPaths = (async () => {
  const index = await sitePhraseIndex();
  const files = [...index.files.entries()].map(([file, bytes]) => ({
    params: { file },
    props: { body: Buffer.from(bytes).toString('base64') },
  }));
  const items = {
    params: { file: ITEMS_FILE },
    props: { body: Buffer.from(`${index.ids.join('\n')}\n`).toString('base64') },
  };
  return keyed([...files, items]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(new Blob([new Uint8Array(Buffer.from(props.body, 'base64'))]));
