import { allRecords } from '../../site/collection.ts';

/** Every record of the archive as one JSON array, newest first. */
export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await allRecords()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
