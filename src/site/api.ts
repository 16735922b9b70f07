/**
 * The JSON API's shapes and URLs (version 1, in the URL: `/api/v1/…`): the records split by
 * month, an index of the months, and the record's JSON Schema generated from the zod schema.
 */
import { z } from 'zod';
import { articleRecordSchema } from '../lib/schema.ts';
import type { ArticleRecord } from '../lib/types.ts';
import { byMonth, monthOf } from './archive.ts';
import { href } from './urls.ts';

/** The API's version, the first segment of every path under `api/`. */
export const API_VERSION = 1;

/** The key of the file holding records with no date. */
export const UNDATED = 'undated';

/** A site path under the versioned API: `api/v1/<path>`. */
export function apiHref(path: string): string {
  return href(`api/v${API_VERSION}/${path}`);
}

/** The file of one month's records (`2026-04` → `api/v1/archive/2026/04.json`), or of the undated ones. */
export function monthJsonHref(month: string): string {
  return month === UNDATED
    ? apiHref(`archive/${UNDATED}.json`)
    : apiHref(`archive/${month.slice(0, 4)}/${month.slice(5, 7)}.json`);
}

/** The file that holds a record. */
export function recordJsonHref(record: ArticleRecord): string {
  return monthJsonHref(record.date ? monthOf(record.date) : UNDATED);
}

/** The records grouped by month (`yyyy-mm`, or `undated`), newest month first, each in archive order. */
export function recordsByMonth(records: readonly ArticleRecord[]): [string, ArticleRecord[]][] {
  const undated = records.filter((record) => !record.date);
  const months = [...byMonth(records, (record) => record.date)];
  return undated.length > 0 ? [...months, [UNDATED, undated]] : months;
}

/** One month file: `{ version, month, count, records }`. */
export interface MonthFile {
  /** The API version. */
  version: number;
  /** `yyyy-mm`, or `undated`. */
  month: string;
  /** How many records the file holds. */
  count: number;
  /** The records, newest first, exactly as the parser made them. */
  records: ArticleRecord[];
}

/** The index: every month with its count and file. */
export interface ArchiveIndex {
  /** The API version. */
  version: number;
  /** The JSON Schema of a record (absolute URL). */
  schema: string;
  /** How many records the archive holds. */
  count: number;
  /** The months, newest first (undated last), each with its count and file (absolute URL). */
  months: { month: string; count: number; url: string }[];
}

/** The index of the archive; `absolute` turns a site path into a full URL. */
export function archiveIndex(records: readonly ArticleRecord[], absolute: (path: string) => string): ArchiveIndex {
  return {
    version: API_VERSION,
    schema: absolute(apiHref('record.schema.json')),
    count: records.length,
    months: recordsByMonth(records).map(([month, items]) => ({
      month,
      count: items.length,
      url: absolute(monthJsonHref(month)),
    })),
  };
}

/** The JSON Schema (draft 2020-12) of one record, generated from the zod schema the parser validates with. */
export function recordJsonSchema(id: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(articleRecordSchema, { target: 'draft-2020-12', io: 'output' }),
    $id: id,
    title: 'ArticleRecord',
    description: 'One item (article or photo) of a printed Xinhua newspaper page, as the archive parser makes it.',
  };
}

/** A JSON response, compact (the month files are large) and UTF-8. */
export function jsonResponse(value: unknown): Response {
  return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
