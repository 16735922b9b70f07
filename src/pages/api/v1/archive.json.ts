import type { APIContext } from 'astro';
import { archiveIndex, jsonResponse } from '../../../site/api.ts';
import { allRecords } from '../../../site/collection.ts';

/** The index of the archive: every month with its count and the URL of its file. */
export async function GET(context: APIContext): Promise<Response> {
  return jsonResponse(archiveIndex(await allRecords(), (path) => new URL(path, context.site).href));
}
