/** One seed to parse, and the file its parse is kept in. */
import { writeCacheRecord } from '../integrations/cache-record.ts';
import { parseSeed, type ParseResult, type SeedInput } from '../lib/index.ts';

/** A seed to parse. */
export interface ParseJob {
  /** The seed's path relative to the project, as diagnostics name it. */
  file: string;
  /** The seed's bytes as read from its file (or its text). */
  content: SeedInput['content'];
  /** Where its parse is kept for the next build. */
  keepIn: string;
}

/** Parses the job's seed and keeps the parse in its file. */
export function parseAndKeep({ file, content, keepIn }: ParseJob): ParseResult {
  const result = parseSeed({ file, content });
  writeCacheRecord(keepIn, result);
  return result;
}
