import type { APIContext } from 'astro';
import { apiHref, jsonResponse, recordJsonSchema } from '../../../site/api.ts';

/** The JSON Schema of a record, generated from the zod schema, served beside the data. */
export function GET(context: APIContext): Response {
  return jsonResponse(recordJsonSchema(new URL(apiHref('record.schema.json'), context.site).href));
}
