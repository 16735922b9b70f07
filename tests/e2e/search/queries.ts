/**
 * Query strings taken from the fixture texts, deterministically: at three places in each item,
 * one query made of two whole words and one that starts inside a word and crosses into the next
 * (words as the browser's segmenter sees them, as Pagefind does for queries).
 */
import type { ArticleRecord } from '../../../src/lib/index.ts';
import { textOf } from './site.ts';

/** Queries known to be hard for Pagefind alone on these fixtures (a word starting inside an idiom or a name). */
export const HARD_QUERIES = ['人如织', '如织', '得见', '易所', '京津冀', '天宫画展', '张小玲'];

/** Where in each item's words the queries are taken (as fractions of its length). */
const POSITIONS = [0.2, 0.5, 0.8];

/** Han-only queries of 2–6 characters from each record's printed text, without duplicates. */
export function pickQueries(records: readonly ArticleRecord[]): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const picked = new Set<string>(HARD_QUERIES);
  for (const record of [...records].sort((a, b) => a.id.localeCompare(b.id))) {
    const runs = textOf(record).match(/\p{Script=Han}{2,}/gu) ?? [];
    // Each word with the two after it in the same run of Han characters.
    const words = runs.flatMap((run) => {
      const parts = [...segmenter.segment(run)].map((part) => part.segment);
      return parts.map((word, i) => ({ word, next: parts[i + 1] ?? '', after: parts[i + 2] ?? '' }));
    });
    POSITIONS.forEach((position, n) => {
      const start = Math.floor(words.length * position);
      // The first word at or after the position that has a multi-character word after it.
      const at = words.slice(start).find(({ word, next }) => word.length >= 2 && next.length >= 1);
      if (!at) return;
      const whole = at.word + at.next;
      if (whole.length <= 6) picked.add(whole);
      const crossing = (at.word.slice(-1) + at.next + at.after).slice(0, 2 + n);
      if (crossing.length >= 2) picked.add(crossing);
    });
  }
  return [...picked];
}

/** The ids of the records whose printed text holds `query`. */
export function truthOf(records: readonly ArticleRecord[], query: string): string[] {
  return records.filter((record) => textOf(record).includes(query)).map((record) => record.id);
}

/** Recall (share of the true items found) and precision at k (share of the first k results that are true, k = true items). */
export function score(found: readonly string[], truth: readonly string[]): { recall: number; precision: number } {
  if (truth.length === 0) return { recall: 1, precision: found.length === 0 ? 1 : 0 };
  const relevant = new Set(truth);
  const recall = found.filter((id) => relevant.has(id)).length / truth.length;
  const precision = found.slice(0, truth.length).filter((id) => relevant.has(id)).length / truth.length;
  return { recall, precision };
}
