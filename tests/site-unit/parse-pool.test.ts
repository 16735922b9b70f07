import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/lib/index.ts';
import type { ParseJob } from '../../src/loaders/parse-job.ts';
import { parseInThreads, THREADED_FROM } from '../../src/loaders/parse-pool.ts';
import { folderWith, removeFolders } from '../helpers/temp-folder.ts';
import { ROOT } from '../helpers/site.ts';

const REAL_SEED = readFileSync(join(ROOT, 'seeds', '000_3fa1046521e36f31.txt'));

afterEach(removeFolders);

/** `count` jobs over the real seed under different names, their parses kept in `folder`. */
function jobs(count: number, folder: string): ParseJob[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `seeds/xinhua-2024-01-${String((i % 28) + 1).padStart(2, '0')}-${String(i).padStart(3, '0')}.txt`,
    content: REAL_SEED,
    keepIn: join(folder, `${String(i)}.json`),
  }));
}

describe('parsing many seeds on every CPU', () => {
  it('gives each seed the parse the parser gives it, in the order of the seeds, and keeps each parse in its file', async () => {
    const folder = folderWith('xinhua-parse-pool-', {});
    const many = jobs(THREADED_FROM + 3, folder);
    const parsed = await parseInThreads(many, 2);
    expect(parsed).toHaveLength(many.length);
    // Every seed's items are its own (their ids carry the seed's name), in the seeds' order.
    for (const [i, job] of many.entries()) {
      const seed = /xinhua-[\d-]+/u.exec(job.file)?.[0] ?? '';
      expect(parsed[i]?.articles.length, job.file).toBeGreaterThan(0);
      expect(
        parsed[i]?.articles.every(({ id }) => id.startsWith(`${seed}-`)),
        job.file,
      ).toBe(true);
      expect(existsSync(job.keepIn), `kept parse of ${job.file}`).toBe(true);
    }
    // And the same parse, whole, as the parser's in this thread, kept as it is.
    for (const job of [many[0], many.at(-1)]) {
      if (!job) throw new Error('no jobs');
      const expected = parseSeed({ file: job.file, content: job.content });
      expect(parsed[many.indexOf(job)], job.file).toEqual(expected);
      expect(JSON.parse(readFileSync(job.keepIn, 'utf8')), `kept parse of ${job.file}`).toEqual(
        JSON.parse(JSON.stringify(expected)),
      );
    }
  }, 60_000);

  it('parses a few seeds in the calling thread, with the same results', async () => {
    const folder = folderWith('xinhua-parse-pool-', {});
    const few = jobs(2, folder);
    const parsed = await parseInThreads(few, 2);
    expect(parsed.map((result) => result.articles.map(({ id }) => id))).toEqual(
      few.map((job) => parseSeed(job).articles.map(({ id }) => id)),
    );
    expect(few.every((job) => existsSync(job.keepIn))).toBe(true);
  });

  it('fails with the error of the thread that failed', async () => {
    const folder = folderWith('xinhua-parse-pool-', {});
    // A file where the kept parses' folder should be: keeping a parse fails in a thread.
    writeFileSync(join(folder, 'blocked'), 'a file');
    const many = jobs(THREADED_FROM, join(folder, 'blocked'));
    await expect(parseInThreads(many, 2)).rejects.toThrow(/EEXIST|ENOTDIR/u);
  }, 60_000);
});
