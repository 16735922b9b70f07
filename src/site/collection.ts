import { getCollection } from 'astro:content';
import type { ArticleRecord } from '../lib/types.ts';
import { sortRecords } from './archive.ts';

let cached: Promise<ArticleRecord[]> | undefined;

/** Every record of the archive, newest first (loaded once per build). */
export function allRecords(): Promise<ArticleRecord[]> {
  cached ??= getCollection('articles').then((entries) => sortRecords(entries.map((entry) => entry.data)));
  return cached;
}
