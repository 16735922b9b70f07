/**
 * Splits an `astro build` run into phases from the arrival times of the lines Astro prints:
 * start-up until `[content] Syncing content`, load (the content layer: reading and parsing the
 * seeds into the data store) until `[content] Synced content`, render (types, Vite bundle and
 * static generation) until the `✓ Completed in` line that closes "generating static routes",
 * and index (the `astro:build:done` hooks: sitemap and Pagefind) until the Pagefind
 * integration's summary line (`[xinhua-pagefind] Pagefind found N HTML files (K read), indexed M pages …`).
 */
import type { TimedLine } from './measure.ts';

/** Build phases in ms; a phase is null when its marker lines were not printed. */
export interface BuildPhases {
  /** Process start, config and Vite start-up. */
  startup: number | null;
  /** Content layer sync: the seed loader. */
  load: number | null;
  /** Type generation, Vite bundling and page generation. */
  render: number | null;
  /** Post-build hooks up to the Pagefind integration's summary line. */
  index: number | null;
  /** Everything after the last marker until the process exited. */
  finish: number | null;
  /** Pages Pagefind reported indexing. */
  indexedPages: number | null;
  /** Pages Astro reported building. */
  pagesBuilt: number | null;
  /** Routes Astro generated in this run (`├─ /path (+Nms)` lines). */
  rendered: number;
  /**
   * Routes reused by Astro's incremental build: copied back from its cache (`├─ /path (restored)`)
   * or left in the kept output folder (`├─ /path (cached)`).
   */
  restored: number;
  /** The seed loader's counts, when it printed them. */
  loader: { items: number; seeds: number; parsed: number; unchanged: number } | null;
}

const SYNC_START = /\[content\] Syncing content/u;
const SYNC_END = /\[content\] Synced content/u;
const GENERATING = /generating static routes/u;
const GENERATED = /^\S+ ✓ Completed in/u;
const INDEXED = /\[[\w-]*pagefind[\w-]*\] Pagefind (?:read|found) \d+ HTML files[^,]*, indexed (\d+) pages?/iu;
const PAGES_BUILT = /\[build\] (\d+) page\(s\) built in/u;
const RENDERED = /├─ .*\(\+[\d.]+m?s\)\s*$/u;
const RESTORED = /├─ .*\((?:restored|cached)\)\s*$/u;
const LOADER = /(\d+) items from (\d+) seeds \((\d+) parsed, (\d+) unchanged\)/u;

/** The first line matching `pattern` at or after index `from`. */
function find(lines: readonly TimedLine[], pattern: RegExp, from = 0): { index: number; line: TimedLine } | undefined {
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (line && pattern.test(line.text)) return { index, line };
  }
  return undefined;
}

/** The difference of two marker times, or null when either is missing. */
function span(from: TimedLine | undefined, to: TimedLine | undefined): number | null {
  return from && to ? to.ms - from.ms : null;
}

/** Reads the phases of an `astro build` from its timed output and total wall time. */
export function buildPhases(lines: readonly TimedLine[], totalMs: number): BuildPhases {
  const syncStart = find(lines, SYNC_START);
  const syncEnd = find(lines, SYNC_END, syncStart?.index ?? 0);
  const generating = find(lines, GENERATING, syncEnd?.index ?? 0);
  const generated = generating ? find(lines, GENERATED, generating.index) : undefined;
  const indexed = find(lines, INDEXED, generated?.index ?? 0);
  const built = find(lines, PAGES_BUILT);
  const loader = find(lines, LOADER);
  const counts = loader ? LOADER.exec(loader.line.text) : null;
  const last = indexed ?? generated ?? syncEnd ?? syncStart;
  return {
    startup: syncStart ? syncStart.line.ms : null,
    load: span(syncStart?.line, syncEnd?.line),
    render: span(syncEnd?.line, generated?.line),
    index: span(generated?.line, indexed?.line),
    finish: last ? totalMs - last.line.ms : null,
    indexedPages: indexed ? Number(INDEXED.exec(indexed.line.text)?.[1]) : null,
    pagesBuilt: built ? Number(PAGES_BUILT.exec(built.line.text)?.[1]) : null,
    rendered: lines.filter((line) => RENDERED.test(line.text)).length,
    restored: lines.filter((line) => RESTORED.test(line.text)).length,
    loader: counts
      ? { items: Number(counts[1]), seeds: Number(counts[2]), parsed: Number(counts[3]), unchanged: Number(counts[4]) }
      : null,
  };
}
