/**
 * A deterministic synthetic archive for benchmarks: printed pages in the Xinhua seed format,
 * made of the real seed's paragraphs, headlines, names and places, spread over days, pages,
 * reporters and places. The same options always give byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isTitleLike,
  matchDateline,
  parseByline,
  parsePhotoCredit,
  parseSeed,
  splitCaptionCredit,
} from '../../src/lib/index.ts';

/** The real seed the material comes from. */
export const SOURCE_SEED = join(import.meta.dirname, '..', '..', 'seeds', '000_3fa1046521e36f31.txt');

/** Places a Xinhua dateline may name; only those the source seed mentions are used. */
const PLACE_CANDIDATES = [
  '北京',
  '上海',
  '天津',
  '重庆',
  '青岛',
  '深圳',
  '香港',
  '广州',
  '江苏',
  '山东',
  '河北',
  '贵州',
  '四川',
  '云南',
  '甘肃',
  '青海',
  '西藏',
  '新疆',
  '海南',
  '吉林',
  '辽宁',
  '黑龙江',
  '内蒙古',
];

/** Page sections, in print order; page 1 is always 要闻. */
const SECTIONS = ['要闻', '综合', '国内', '经济', '科技', '社会', '国际', '文化', '体育', '评论'];

/** How many reporters the roster holds (the real names first, then recombined ones). */
const ROSTER_SIZE = 120;

/** Paragraph endings that close a sentence, so no paragraph reads as cut by a column break. */
const SENTENCE_END = /[。！？][”’」』）]*$/u;

/** What the synthetic pages are made of, all taken from the source seed. */
export interface Material {
  /** Body paragraphs that read as whole paragraphs on their own. */
  paragraphs: string[];
  /** Short title-like phrases (headlines, subheadlines, kickers, in-body subheads, split at spaces). */
  phrases: string[];
  /** Reporter names: the seed's own, then names recombined from their characters. */
  names: string[];
  /** Dateline places. */
  places: string[];
}

/** Options of the synthetic archive. */
export interface SyntheticOptions {
  /** How many items (articles and photos) in total. */
  articles: number;
  /** PRNG seed; the same seed and count give byte-identical files. */
  seed: number;
  /** The first issue date, ISO yyyy-mm-dd (default 2024-01-01). */
  start?: string;
  /**
   * The last issue date: the items are spread evenly over the days from `start` to `end`, each
   * day on pages of 6–10 items. Without it, about 100 items a day until all are printed.
   */
  end?: string;
  /** The seed file to take material from (default the real seed). */
  source?: string;
}

/** One printed page of the synthetic archive. */
export interface SyntheticPage {
  /** File name, `xinhua-yyyy-mm-dd-pp.txt`. */
  name: string;
  /** The seed text. */
  text: string;
  /** How many items it prints. */
  items: number;
}

/** What was written. */
export interface SyntheticArchive {
  /** File names written, in order. */
  files: string[];
  /** Items in total (equals the requested count). */
  articles: number;
  /** Bytes written. */
  bytes: number;
  /** Issue days covered. */
  days: number;
  /** The first and last issue dates. */
  first: string;
  /** The last issue date. */
  last: string;
}

/** A pseudo-random number generator returning floats in [0, 1). */
type Random = () => number;

/** mulberry32: a small, fast, seeded PRNG (same seed → same sequence). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** Whether a paragraph stands on its own: a whole sentence the parser reads as body text only. */
function isPlainParagraph(text: string): boolean {
  return (
    text.length >= 12 &&
    SENTENCE_END.test(text) &&
    !isTitleLike(text) &&
    !/^[（(#]/u.test(text) &&
    matchDateline(text) === undefined &&
    parseByline(text) === undefined &&
    parsePhotoCredit(text) === undefined &&
    splitCaptionCredit(text) === undefined
  );
}

/** Recombines the seed's names into a larger roster: surnames from first characters, given names from the rest. */
function roster(names: readonly string[], random: Random): string[] {
  const surnames = [...new Set(names.map((name) => name.slice(0, 1)))];
  const given = [...new Set(names.flatMap((name) => Array.from(name.slice(1))))];
  const result = [...new Set(names)];
  const seen = new Set(result);
  for (let attempt = 0; result.length < ROSTER_SIZE && attempt < ROSTER_SIZE * 50; attempt += 1) {
    const name = pick(random, surnames) + pick(random, given) + (random() < 0.6 ? pick(random, given) : '');
    if (!seen.has(name)) {
      seen.add(name);
      result.push(name);
    }
  }
  return result;
}

/** Reads the material of the synthetic pages from a real seed (parsed with the archive's own parser). */
export function readMaterial(source = SOURCE_SEED): Material {
  const content = readFileSync(source);
  const text = content.toString('utf8');
  const { articles } = parseSeed({ file: source, content });
  const paragraphs = [
    ...new Set(articles.flatMap((a) => a.sections.flatMap((s) => s.paragraphs)).filter(isPlainParagraph)),
  ];
  const titles = articles.flatMap((a) => [
    a.headline,
    a.subheadline ?? '',
    a.kicker ?? '',
    ...a.sections.map((s) => s.heading ?? ''),
  ]);
  const phrases = [
    ...new Set(
      titles
        .flatMap((title) => title.replace(/^——/u, '').split(/[ \u3000]+/u))
        .filter((phrase) => phrase.length >= 4 && isTitleLike(phrase, 20)),
    ),
  ];
  const credited = articles.flatMap((a) => [
    ...(a.byline?.names ?? []),
    ...a.photos.flatMap((p) => p.credit?.names ?? []),
  ]);
  const datelinePlaces = articles.flatMap((a) => (a.dateline?.place ? [a.dateline.place] : []));
  const places = [...new Set([...datelinePlaces, ...PLACE_CANDIDATES.filter((place) => text.includes(place))])];
  if (paragraphs.length < 10 || phrases.length < 5 || credited.length === 0 || places.length === 0) {
    throw new Error(`The seed ${source} has too little text to build synthetic pages from; use the real seed.`);
  }
  return { paragraphs, phrases, names: roster(credited, mulberry32(0x5eed)), places };
}

/** Adds `days` to an ISO date. */
function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** `M月D日` of an ISO date, as a dateline prints it. */
function monthDay(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** A headline of one or two phrases. */
function headline(random: Random, material: Material): string {
  const first = pick(random, material.phrases);
  if (random() < 0.5) return first;
  const second = pick(random, material.phrases);
  return second === first ? first : `${first} ${second}`;
}

/** `count` body paragraphs. */
function paragraphs(random: Random, material: Material, count: number): string[] {
  return Array.from({ length: count }, () => pick(random, material.paragraphs));
}

/** One item in seed text: an article with a lead dateline, one with a byline and closing dateline, or a photo. */
function item(random: Random, material: Material, date: string): string {
  const filed = random() < 0.8 ? date : addDays(date, -1);
  const place = pick(random, material.places);
  const name = pick(random, material.names);
  const lines: string[] = [];
  const kind = random();
  const title = headline(random, material);
  lines.push(random() < 0.1 ? `### ${pick(random, material.phrases)}\n# ${title}` : `# ${title}`);
  if (kind < 0.6) {
    if (random() < 0.2) lines.push(`## ——${pick(random, material.phrases)}`);
    const second = random() < 0.5 ? ` ${pick(random, material.names)}` : '';
    const [lead = '', ...rest] = paragraphs(random, material, between(random, 2, 6));
    lines.push(`新华社${place}${monthDay(filed)}电（记者${name}${second}）${lead}`, ...rest);
  } else if (kind < 0.92) {
    lines.push(`新华社记者 ${name}`, ...paragraphs(random, material, between(random, 2, 4)));
    if (random() < 0.3)
      lines.push(pick(random, material.phrases), ...paragraphs(random, material, between(random, 1, 3)));
    lines.push(`新华社${place}${monthDay(filed)}电`);
  } else {
    lines.push(pick(random, material.paragraphs), `新华社记者 ${name} 摄`);
  }
  return lines.join('\n\n');
}

/** One printed page: front matter, then its items separated by blank lines. */
function page(random: Random, material: Material, date: string, number: number, items: number): SyntheticPage {
  const section = number === 1 ? '要闻' : pick(random, SECTIONS.slice(1));
  const body = Array.from({ length: items }, () => item(random, material, date)).join('\n\n');
  const pageNo = String(number).padStart(2, '0');
  return {
    name: `xinhua-${date}-${pageNo}.txt`,
    text: `---\ndate: ${date}\npage: ${number}\nsection: ${section}\n---\n\n${body}\n`,
    items,
  };
}

/** Days from `start` to `end`, both included. */
function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** `articles` items spread evenly over the days from `start` to `end`, each day on pages of 6–10 items. */
function* spreadPages(
  random: Random,
  material: Material,
  articles: number,
  start: string,
  end: string,
): Generator<SyntheticPage> {
  const days = daysBetween(start, end);
  if (!(days >= 1)) throw new Error(`The synthetic archive's end (${end}) is before its start (${start}).`);
  for (let day = 0; day < days; day += 1) {
    let remaining = Math.floor(((day + 1) * articles) / days) - Math.floor((day * articles) / days);
    const date = addDays(start, day);
    for (let number = 1; remaining > 0; number += 1) {
      const items = Math.min(remaining, between(random, 6, 10));
      remaining -= items;
      yield page(random, material, date, number, items);
    }
  }
}

/**
 * The pages of a synthetic archive, in date and page order: about 100 items a day on 10–14
 * pages of 6–10 items each, until `articles` items are printed.
 */
export function* syntheticPages(
  options: SyntheticOptions,
  material = readMaterial(options.source),
): Generator<SyntheticPage> {
  const random = mulberry32(options.seed);
  let remaining = options.articles;
  let date = options.start ?? '2024-01-01';
  if (options.end !== undefined) {
    yield* spreadPages(random, material, options.articles, date, options.end);
    return;
  }
  while (remaining > 0) {
    const pages = between(random, 10, 14);
    for (let number = 1; number <= pages && remaining > 0; number += 1) {
      const items = Math.min(remaining, between(random, 6, 10));
      remaining -= items;
      yield page(random, material, date, number, items);
    }
    date = addDays(date, 1);
  }
}

/** Writes a synthetic archive of `articles` items into `dir` (created if missing). */
export function writeSyntheticArchive(dir: string, options: SyntheticOptions): SyntheticArchive {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const dates = new Set<string>();
  let bytes = 0;
  let articles = 0;
  for (const synthetic of syntheticPages(options)) {
    const data = Buffer.from(synthetic.text, 'utf8');
    writeFileSync(join(dir, synthetic.name), data);
    files.push(synthetic.name);
    dates.add(synthetic.name.slice(7, 17));
    bytes += data.length;
    articles += synthetic.items;
  }
  const sorted = [...dates].sort();
  return { files, articles, bytes, days: dates.size, first: sorted[0] ?? '', last: sorted.at(-1) ?? '' };
}

/** Writes one more page (page 1 of `date`, 8 items) into `dir`, as an archivist adding a seed; returns its file name. */
export function addSyntheticPage(dir: string, options: { seed: number; date: string; source?: string }): string {
  const added = page(mulberry32(options.seed ^ 0xadd), readMaterial(options.source), options.date, 1, 8);
  writeFileSync(join(dir, added.name), added.text);
  return added.name;
}

/**
 * Writes a whole new issue into `dir`, as an archivist adding a day: `items` items (default
 * 100, a day of the paper) on pages of 6–10 items dated `date`; returns the file names.
 */
export function addSyntheticDay(
  dir: string,
  options: { seed: number; date: string; items?: number; source?: string },
): string[] {
  const random = mulberry32(options.seed ^ 0xda7);
  const material = readMaterial(options.source);
  const names: string[] = [];
  let remaining = options.items ?? 100;
  for (let number = 1; remaining > 0; number += 1) {
    const items = Math.min(remaining, between(random, 6, 10));
    remaining -= items;
    const added = page(random, material, options.date, number, items);
    writeFileSync(join(dir, added.name), added.text);
    names.push(added.name);
  }
  return names;
}

/** Corrects one seed in place the way an editor would: a sentence added to its first paragraph. */
export function editSyntheticPage(file: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('。\n\n');
  if (at < 0) throw new Error(`${file} has no paragraph to correct.`);
  writeFileSync(file, `${text.slice(0, at + 1)}（本段已更正。）${text.slice(at + 1)}`);
}
