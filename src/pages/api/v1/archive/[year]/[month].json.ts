import type { APIContext } from 'astro';
import type { ArticleRecord } from '../../../../../lib/types.ts';
import { API_VERSION, jsonResponse, recordsByMonth, UNDATED, type MonthFile } from '../../../../../site/api.ts';
import { keyed } from '../../../../../site/cache-key.ts';
import { allRecords } from '../../../../../site/collection.ts';

/** One file per month of dated records. */
export async function getStaticPaths() {
  return keyed(
    recordsByMonth(await allRecords())
      .filter(([month]) => month !== UNDATED)
      .map(([month, records]) => ({
        params: { year: month.slice(0, 4), month: month.slice(5, 7) },
        props: { month, records },
      })),
  );
}

/** That month's records, in an envelope with the API version and the count. */
export function GET({ props }: APIContext<{ month: string; records: ArticleRecord[] }>): Response {
  const file: MonthFile = {
    version: API_VERSION,
    month: props.month,
    count: props.records.length,
    records: props.records,
  };
  return jsonResponse(file);
}
