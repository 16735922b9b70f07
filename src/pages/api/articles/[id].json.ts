import type { APIContext } from 'astro';
import type { ArticleRecord } from '../../../lib/types.ts';
import { allRecords } from '../../../site/collection.ts';

/** One JSON file per record. */
export async function getStaticPaths(): Promise<{ params: { id: string }; props: { record: ArticleRecord } }[]> {
  return (await allRecords()).map((record) => ({ params: { id: record.id }, props: { record } }));
}

/** The record, exactly as the parser produced it. */
export function GET({ props }: APIContext<{ record: ArticleRecord }>): Response {
  return new Response(JSON.stringify(props.record, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
