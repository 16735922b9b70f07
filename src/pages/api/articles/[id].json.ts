import type { APIContext } from 'astro';
import type { ArticleRecord } from '../../../lib/types.ts';
import { keyed } from '../../../site/cache-key.ts';
import { allRecords } from '../../../site/collection.ts';

/** One JSON file per record, keyed by the record it prints. */
export async function getStaticPaths() {
  return keyed((await allRecords()).map((record) => ({ params: { id: record.id }, props: { record } })));
}

/** The record, exactly as the parser produced it. */
export function GET({ props }: APIContext<{ record: ArticleRecord }>): Response {
  return new Response(JSON.stringify(props.record, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
