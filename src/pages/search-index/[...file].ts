/**
 * The phrase index's shard files (`/search-index/p/<period>/<shard>.bin`, `/search-index/t/<shard>.bin`)
 * and the list of item ids in item order (`/search-index/items.txt`, read and removed by the
 * phrase-index integration once Pagefind has indexed the pages).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitePhraseIndex } from '../../search/phrase-site.ts';

/** The list of item ids, one a line. */
const ITEMS = 'items.txt';

export const getStaticPaths = (async () => {
  const index = await sitePhraseIndex();
  return [...[...index.files.keys()].map((file) => ({ params: { file } })), { params: { file: ITEMS } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = await sitePhraseIndex();
  if (params.file === ITEMS) return new Response(`${index.ids.join('\n')}\n`);
  const bytes = index.files.get(params.file ?? '');
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Blob([new Uint8Array(bytes)]));
};
