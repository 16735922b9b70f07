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

/** How many reporters named 王… the many-names seed credits: more than one index page holds. */
export const WANG_REPORTERS = 1001;

/**
 * Writes one page (2025-02-15) of WANG_REPORTERS items into `dir`, each by a reporter of its
 * own, all of the surname 王 (initial W): with the two other reporters of these seeds, the
 * reporter index is split by initial and W has two pages.
 */
export function writeManyNamesSeed(dir: string): void {
  const given = Array.from('安柏晨冬恩芳刚海华佳杰俊凯兰磊丽林敏宁鹏琪锐珊涛婷伟霞欣雪阳怡勇宇云哲志忠');
  const names = given.flatMap((a) => given.map((b) => `王${a}${b}`)).slice(0, WANG_REPORTERS);
  const items = names.map(
    (name, i) => `# 基层见闻第${String(i + 1)}篇\n\n新华社上海2月15日电（记者${name}）基层见闻第${String(i + 1)}篇。`,
  );
  writeFileSync(
    join(dir, 'many-names-2025-02-15-01.txt'),
    `---\ndate: 2025-02-15\npage: 1\nsection: 要闻\n---\n\n${items.join('\n\n')}\n`,
  );
}
