import { API_VERSION, jsonResponse, UNDATED, type MonthFile } from '../../../../site/api.ts';
import { allRecords } from '../../../../site/collection.ts';

/** The records with no date (neither the seed nor the text gave one); an empty list when there are none. */
export async function GET(): Promise<Response> {
  const records = (await allRecords()).filter((record) => !record.date);
  const file: MonthFile = { version: API_VERSION, month: UNDATED, count: records.length, records };
  return jsonResponse(file);
}
