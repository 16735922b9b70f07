/** Seeds of a reporter and a place with more items than one list page holds. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The reporter every item credits, and the place every dateline names. */
export const REPORTER = '胡喆';
export const PLACE = '北京';

/** Writes `days` issues of `perDay` items each (from 2025-01-01), all by REPORTER from PLACE, into `dir`. */
export function writePagedSeeds(dir: string, days: number, perDay: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let day = 1; day <= days; day += 1) {
    const date = `2025-01-${String(day).padStart(2, '0')}`;
    const items = Array.from({ length: perDay }, (_, i) => {
      const n = (day - 1) * perDay + i + 1;
      return `# 科技创新观察第${n}篇\n\n新华社${PLACE}1月${day}日电（记者${REPORTER}）第${n}篇稿件报道各地加强科技创新，推动产业升级。`;
    });
    writeFileSync(
      join(dir, `paged-${date}-01.txt`),
      `---\ndate: ${date}\npage: 1\nsection: 要闻\n---\n\n${items.join('\n\n')}\n`,
    );
  }
}

/** The calendar day whose issues in several years hold more items than one page of 历史上的今天. */
export const SAME_DAY = '01-30';

/**
 * Writes issues dated SAME_DAY in each of `years` years (2025 back), each of two printed pages of
 * `perPage` items, into `dir` (beside the other seeds; by another reporter, from another place).
 */
export function writeSameDaySeeds(dir: string, years: number, perPage: number): void {
  for (let year = 2025; year > 2025 - years; year -= 1) {
    const date = `${String(year)}-${SAME_DAY}`;
    for (const page of [1, 2]) {
      const items = Array.from({ length: perPage }, (_, i) => {
        const n = i + 1;
        return `# ${String(year)}年第${String(page)}版第${String(n)}篇\n\n新华社上海1月30日电（记者李华）${String(year)}年第${String(page)}版第${String(n)}篇稿件。`;
      });
      writeFileSync(
        join(dir, `same-day-${date}-0${String(page)}.txt`),
        `---\ndate: ${date}\npage: ${String(page)}\nsection: 要闻\n---\n\n${items.join('\n\n')}\n`,
      );
    }
  }
}
