/**
 * The search figures as a Markdown table, this site beside stock Pagefind on the same bundles
 * (same run): cold time, bytes and gzip bytes to the first result, and the median of later
 * queries, with the targets of the archive-scale search.
 */
import { median, type QueryTiming, type SearchProbe } from './search-probe.ts';

/** `12.3 kB`. */
function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** `a–b` of some numbers, formatted. */
function range(values: readonly number[], format: (n: number) => string): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? format(low) : `${format(low)}–${format(high)}`;
}

/** The targets: cold first result ≤ 500 ms and ≤ 300 kB gzip, later queries ≤ 100 ms median, not worse than stock. */
export const SEARCH_TARGETS = { coldMs: 500, coldGzipBytes: 300_000, warmMedianMs: 100 };

/** Renders the search table of a probe (`articles` and `years` describe the archive). */
export function renderSearchTable(probe: SearchProbe, articles: number, years: string): string {
  const { uiColdAll: ui, apiColdAll: api, uiWarm, apiWarm } = probe;
  if (typeof ui === 'string' || typeof api === 'string' || ui.length === 0 || api.length === 0) {
    return `\n## Search\n\n${typeof ui === 'string' ? ui : typeof api === 'string' ? api : 'no cold query ran'}\n`;
  }
  const ms = (n: number): string => `${Math.round(n)} ms`;
  const queries = ui.map((timing) => timing.query).join(', ');
  const warm = (list: QueryTiming[] | string): number | null =>
    typeof list === 'string' || list.length === 0 ? null : median(list.map((timing) => timing.ms));
  const uiWarmMs = warm(uiWarm);
  const apiWarmMs = warm(apiWarm);
  const bytes = (list: QueryTiming[]): string =>
    `${range(
      list.map((t) => t.bytes),
      kb,
    )} (${range(
      list.map((t) => t.gzipBytes),
      kb,
    )} gzip)`;
  const worst = (list: QueryTiming[], key: 'ms' | 'gzipBytes' | 'bytes'): number =>
    Math.max(...list.map((t) => t[key]));
  const rows = [
    [
      `cold, first result (${queries})`,
      range(
        ui.map((t) => t.ms),
        ms,
      ),
      range(
        api.map((t) => t.ms),
        ms,
      ),
    ],
    ['bytes to the first result', bytes(ui), bytes(api)],
    [
      'bytes until the first page is complete (count included)',
      range(
        ui.map((t) => t.doneBytes),
        kb,
      ),
      '–',
    ],
    [
      `a later query typed in the box, median (${typeof uiWarm === 'string' ? '' : uiWarm.map((t) => t.query).join(', ')})`,
      uiWarmMs === null ? 'n/a' : ms(uiWarmMs),
      apiWarmMs === null ? 'n/a' : ms(apiWarmMs),
    ],
  ];
  const files = Object.entries(ui[0]?.files ?? {})
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');
  const targets = [
    ['cold first result ≤ 500 ms', `${ms(worst(ui, 'ms'))} worst`, verdict(worst(ui, 'ms') <= SEARCH_TARGETS.coldMs)],
    [
      'cold first result ≤ 300 kB gzip',
      `${kb(worst(ui, 'gzipBytes'))} worst`,
      verdict(worst(ui, 'gzipBytes') <= SEARCH_TARGETS.coldGzipBytes),
    ],
    [
      'not slower than stock Pagefind (worst cold)',
      `${(worst(ui, 'ms') / worst(api, 'ms')).toFixed(2)}×`,
      verdict(worst(ui, 'ms') <= worst(api, 'ms')),
    ],
    [
      'not heavier than stock Pagefind (worst cold, gzip)',
      `${(worst(ui, 'gzipBytes') / worst(api, 'gzipBytes')).toFixed(2)}×`,
      verdict(worst(ui, 'gzipBytes') <= worst(api, 'gzipBytes')),
    ],
    [
      'later queries ≤ 100 ms median',
      uiWarmMs === null ? 'n/a' : ms(uiWarmMs),
      verdict(uiWarmMs !== null && uiWarmMs <= SEARCH_TARGETS.warmMedianMs),
    ],
  ];
  return [
    '',
    `## Search: ${articles.toLocaleString('en')} articles, ${years}`,
    '',
    `| ${articles.toLocaleString('en')} articles | this site | stock Pagefind, same bundles |`,
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Files this site fetched for "${ui[0]?.query ?? ''}" until its first result: ${files}.`,
    '',
    '| search target | measured | result |',
    '| --- | --- | --- |',
    ...targets.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}
