/** The benchmark's result, its targets and the table it prints. */
import { formatBytes, GITHUB_PAGES_BYTES } from '../../src/integrations/byte-size.ts';
import type { BuildPhases } from './build-log.ts';
import type { DirStats, LargestFile } from './dir-stats.ts';
import type { ProcessRss } from './measure.ts';
import type { ParseBench } from './parse-bench.ts';
import type { QueryTiming, SearchProbe } from './search-probe.ts';
import type { SyntheticArchive } from './synthetic.ts';

/** One measured `astro build` (plus the Pagefind CLI when the build does not index). */
export interface BuildRun {
  /** Wall time of the whole step (build and index), ms. */
  ms: number;
  /** Wall time of `astro build` alone, ms. */
  buildMs: number;
  /** The Pagefind CLI's wall time when it ran after the build, else null. */
  cliIndexMs: number | null;
  /** Phases read from the build's output. */
  phases: BuildPhases;
  /** Peak summed RSS of the process tree, bytes (sampled every 200 ms). */
  peakTreeRss: number;
  /** Exact peak RSS of the largest process, bytes (GNU time), when known. */
  peakProcessRss: number | null;
  /** The build's processes at its tree peak, largest first: `name size`. */
  peakProcesses: string[];
}

/** The baseline: a bare one-page-per-record Astro site and the Pagefind CLI. */
export interface BaselineResult {
  /** `astro build` of the baseline. */
  build: BuildRun;
  /** The Pagefind CLI over its output. */
  index: { ms: number; peakTreeRss: number; peakProcessRss: number | null };
  /** Build plus index, ms. */
  totalMs: number;
  /** Its output. */
  dist: DirStats;
  /** Its Pagefind bundle. */
  pagefind: DirStats;
  /** Astro's experimental incremental build on the baseline: a full build, then one record edited. */
  incremental: { fullMs: number; editMs: number; rendered: number; restored: number } | null;
}

/** The wall time of every round of each timed step, ms, in the order they ran (`--rounds`). */
export interface RoundTimes {
  /** How many rounds each step ran. */
  count: number;
  /** Full builds from an empty cache. */
  builds: number[];
  /** Rebuilds after the new day's seeds were added (the same day each round), empty when skipped. */
  adds: number[];
  /** Rebuilds after a seed of the oldest year was edited (another seed each round), empty when skipped. */
  edits: number[];
  /** Baseline builds with the Pagefind CLI, empty when skipped. */
  baselines: number[];
  /** The highest memory peak of any round's build or rebuild, bytes. */
  peak: number;
}

/**
 * The run of `runs` whose time is the median (the lower of the two middle ones for an even
 * count): the run a step's figures are reported from when it ran several rounds.
 */
export function medianRun<T>(runs: readonly T[], ms: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => ms(a) - ms(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new Error('medianRun needs at least one run');
  return median;
}

/** `12.3–14.5 s`: the shortest and the longest of the rounds' times. */
function spread(times: readonly number[]): string {
  return `${(Math.min(...times) / 1000).toFixed(1)}–${seconds(Math.max(...times))}`;
}

/** Every round's time of each step that ran, as one line of the report. */
function roundsLine({ builds, adds, edits, baselines }: RoundTimes): string {
  const steps: [string, readonly number[]][] = [
    ['full builds', builds],
    ['a new day', adds],
    ['an old seed edited', edits],
    ['baseline', baselines],
  ];
  return steps
    .filter(([, times]) => times.length > 0)
    .map(([step, times]) => `${step} ${times.map((ms) => seconds(ms)).join(', ')}`)
    .join('; ');
}

/** A target the benchmark is measured against. */
export interface Target {
  /** What is measured. */
  name: string;
  /** The measured value, formatted. */
  value: string;
  /** The limit, formatted. */
  limit: string;
  /** PASS, FAIL, or null when it could not be measured. */
  pass: boolean | null;
}

/** Everything one benchmark run measured. */
export interface BenchResult {
  /** Items in the synthetic archive. */
  articles: number;
  /** Its PRNG seed. */
  seed: number;
  /** The archive written. */
  archive: Omit<SyntheticArchive, 'files'> & { files: number };
  /** Where it ran. */
  machine: { cpus: number; memoryGb: number; node: string; date: string; loadAverage: [number, number] };
  /** Parse throughput. */
  parse: ParseBench;
  /** The full build from an empty cache (the median round). */
  build: BuildRun;
  /** Every round's time of each timed step. */
  rounds: RoundTimes;
  /** Built output and its Pagefind bundle. */
  dist: DirStats;
  /** The Pagefind bundle. */
  pagefind: DirStats;
  /** The largest HTML page and the largest JSON file of the full build. */
  largest: { html: LargestFile; json: LargestFile };
  /** The search bundles the full build wrote (`dist/pagefind/<bundle>/`). */
  bundles: string[];
  /** Rebuild after a seed of the oldest year was edited (same cache and outDir; the median round), or null when skipped. */
  rebuildEdit: BuildRun | null;
  /** Rebuild after a new day's seeds were added (same cache and outDir; the median round), or null when skipped. */
  rebuildAdd: BuildRun | null;
  /**
   * Rebuild after the first day of the next month was added (once, after the edits), or null when
   * skipped: the closed month keeps its search bundle and its phrase-index period.
   */
  rebuildNewMonth: BuildRun | null;
  /** The rebuilt site against a clean build of the same seeds, or null when skipped. */
  identity: { files: number; differing: number; examples: string[] } | null;
  /** Whether the Hugo + Pagefind peer ran, and why not. */
  hugoPeer: string;
  /** Search in the browser, or null when skipped. */
  search: SearchProbe | null;
  /** The baseline (the median round), or null when skipped. */
  baseline: BaselineResult | null;
  /** Targets with PASS/FAIL. */
  targets: Target[];
  /** How the numbers were taken. */
  method: string[];
}

/** Seconds with one decimal. */
export function seconds(ms: number | null): string {
  return ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`;
}

/** Bytes as MB (10^6) or GB (10^9), as a build reports them. */
export function size(bytes: number | null): string {
  return bytes === null ? 'n/a' : formatBytes(bytes);
}

/** The largest processes of a tree as `name size`. */
export function processList(processes: readonly ProcessRss[]): string[] {
  return processes.map((p) => `${p.name} ${size(p.rss)}`);
}

/** Bytes as kB. */
function kilobytes(bytes: number): string {
  return `${(bytes / 1e3).toFixed(0)} kB`;
}

/** The larger of a run's two memory peaks. */
export function peakRss(run: { peakTreeRss: number; peakProcessRss: number | null }): number {
  return Math.max(run.peakTreeRss, run.peakProcessRss ?? 0);
}

/** Evaluates the targets of the scale issue against a result. */
export function evaluateTargets(result: Omit<BenchResult, 'targets' | 'method'>): Target[] {
  const { build, baseline, parse, rounds } = result;
  const ratio = (value: number, limit: number): Target['pass'] => value <= limit;
  const percent = (ms: number): string => `${((ms / build.ms) * 100).toFixed(0)}%`;
  const rebuild = (name: string, run: BuildRun | null, times: readonly number[], limit: number): Target => ({
    name,
    value: run
      ? `${seconds(run.ms)} = ${percent(run.ms)} of full (${run.phases.rendered} routes rendered, ${run.phases.restored} reused)${
          times.length > 1
            ? `; median of ${times.length} rounds: ${spread(times)} = ${percent(Math.min(...times))}–${percent(Math.max(...times))}`
            : ''
        }`
      : 'skipped',
    limit: `≤ ${(limit * 100).toFixed(0)}% of full build`,
    pass: run ? ratio(run.ms / build.ms, limit) : null,
  });
  // Every round's build and rebuild is in the rounds' peak; the new month's rebuild ran once, apart.
  const peaks = [rounds.peak, ...(result.rebuildNewMonth ? [peakRss(result.rebuildNewMonth)] : [])];
  // 4 GB at 10,000 articles; 8 GB (what a standard CI runner can spare) beyond.
  const memoryLimit = result.articles <= 10_000 ? 4e9 : 8e9;
  const { html, json } = result.largest;
  return [
    {
      name: 'full build vs baseline',
      value: baseline
        ? `${(build.ms / baseline.totalMs).toFixed(2)}× (${seconds(build.ms)} / ${seconds(baseline.totalMs)})${
            rounds.count > 1
              ? `; medians of ${rounds.count} rounds: full ${spread(rounds.builds)}, baseline ${spread(rounds.baselines)}`
              : ''
          }`
        : 'skipped',
      limit: '≤ 1.5×',
      pass: baseline ? ratio(build.ms / baseline.totalMs, 1.5) : null,
    },
    {
      name: `full build, ${result.articles} articles`,
      value: seconds(build.ms),
      limit: '≤ 120 s at 10k',
      pass: result.articles === 10_000 ? ratio(build.ms, 120_000) : null,
    },
    {
      name: 'peak RSS of the build',
      value: size(Math.max(...peaks)),
      limit: `≤ ${size(memoryLimit)}`,
      pass: Math.max(...peaks) <= memoryLimit,
    },
    rebuild('rebuild, a new day added', result.rebuildAdd, rounds.adds, 0.2),
    rebuild('rebuild, a seed of the oldest year edited', result.rebuildEdit, rounds.edits, 0.35),
    rebuild('rebuild, the first day of a new month', result.rebuildNewMonth, [], 0.2),
    {
      name: 'rebuilt site = clean build of the same seeds',
      value: result.identity
        ? `${result.identity.differing} of ${result.identity.files} files differ${result.identity.examples.length > 0 ? ` (${result.identity.examples.join(', ')})` : ''}`
        : 'skipped',
      limit: 'byte for byte',
      pass: result.identity ? result.identity.differing === 0 : null,
    },
    {
      name: 'largest HTML page',
      value: `${kilobytes(html.bytes)} (${html.path ?? 'none'})`,
      limit: '≤ 200 kB',
      pass: html.bytes <= 200e3,
    },
    {
      name: 'largest JSON file',
      value: `${size(json.bytes)} (${json.path ?? 'none'})`,
      limit: '≤ 5 MB',
      pass: json.bytes <= 5e6,
    },
    {
      name: 'dist fits GitHub Pages',
      value: `${size(result.dist.archive)} as a tar archive (${size(result.dist.bytes)} of files)`,
      limit: '≤ 1 GB',
      pass: result.dist.archive <= GITHUB_PAGES_BYTES,
    },
    {
      name: 'parse vs bare remark-parse',
      value: `${parse.ratio.toFixed(2)}× (${parse.ours.mbPerSecond.toFixed(1)} / ${parse.bare.mbPerSecond.toFixed(1)} MB/s)`,
      limit: '≥ 0.8×',
      pass: parse.ratio >= 0.8,
    },
  ];
}

/** A two-column Markdown table. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  return ['| measure | value |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value} |`)];
}

/** A query timing as text. */
function query(timing: QueryTiming | string): string {
  return typeof timing === 'string'
    ? timing
    : `${timing.ms.toFixed(0)} ms, ${kilobytes(timing.bytes)}, ${timing.results} results ("${timing.query}")`;
}

/** A build's phases as text. */
function phases(run: BuildRun): string {
  const p = run.phases;
  const index = run.cliIndexMs === null ? seconds(p.index) : `${seconds(run.cliIndexMs)} (Pagefind CLI)`;
  return `startup ${seconds(p.startup)} · load ${seconds(p.load)} · render ${seconds(p.render)} · index ${index}`;
}

/** Renders the result as Markdown tables with PASS/FAIL per target. */
export function renderReport(result: BenchResult): string {
  const { build, archive, parse } = result;
  const rows: [string, string][] = [
    [
      'archive',
      `${archive.articles} items, ${archive.files} seeds, ${archive.days} days (${archive.first} – ${archive.last}), ${size(archive.bytes)}`,
    ],
    [
      'parse: parseSeed',
      `${parse.ours.mbPerSecond.toFixed(1)} MB/s (median of ${parse.rounds} rounds over ${size(parse.bytes)})`,
    ],
    ['parse: bare remark-parse', `${parse.bare.mbPerSecond.toFixed(1)} MB/s`],
    ['parse ratio', `${parse.ratio.toFixed(2)}×`],
    ['full build (cold cache)', `${seconds(build.ms)}: ${phases(build)}`],
    ...(result.rounds.count > 1
      ? [[`rounds (${result.rounds.count}; the median reported)`, roundsLine(result.rounds)] as [string, string]]
      : []),
    ['pages built / indexed', `${build.phases.pagesBuilt ?? 'n/a'} / ${build.phases.indexedPages ?? 'n/a'}`],
    ['peak RSS (process tree, sampled)', size(build.peakTreeRss)],
    ['peak RSS (largest process, GNU time)', size(build.peakProcessRss)],
    ['processes at the peak', build.peakProcesses.slice(0, 5).join(', ')],
    ['dist', `${result.dist.files} files, ${size(result.dist.bytes)}; a tar archive of ${size(result.dist.archive)}`],
    ['Pagefind index (dist/pagefind)', `${result.pagefind.files} files, ${size(result.pagefind.bytes)}`],
    ['search bundles', result.bundles.join(', ')],
    ['largest HTML page', `${kilobytes(result.largest.html.bytes)} (${result.largest.html.path ?? 'none'})`],
    ['largest JSON file', `${size(result.largest.json.bytes)} (${result.largest.json.path ?? 'none'})`],
  ];
  for (const [name, run] of [
    ['rebuild, a new day added', result.rebuildAdd],
    ['rebuild, a seed of the oldest year edited', result.rebuildEdit],
    ['rebuild, the first day of a new month', result.rebuildNewMonth],
  ] as const) {
    rows.push([
      name,
      run
        ? `${seconds(run.ms)}: ${phases(run)}; ${run.phases.rendered} routes rendered, ${run.phases.restored} reused; loader ${JSON.stringify(run.phases.loader)}; peak ${size(peakRss(run))}`
        : 'skipped',
    ]);
  }
  if (result.search) {
    rows.push(['search page, cold query', query(result.search.uiCold)]);
    const uiWarm = result.search.uiWarm;
    rows.push(['search page, warm queries', typeof uiWarm === 'string' ? uiWarm : uiWarm.map(query).join('; ')]);
    rows.push(['Pagefind API, cold query', query(result.search.apiCold)]);
    const warm = result.search.apiWarm;
    rows.push(['Pagefind API, warm queries', typeof warm === 'string' ? warm : warm.map(query).join('; ')]);
  } else {
    rows.push(['search in the browser', 'skipped']);
  }
  const base = result.baseline;
  if (base) {
    rows.push([
      'baseline build + Pagefind CLI',
      `${seconds(base.totalMs)} (astro build ${seconds(base.build.ms)}, pagefind ${seconds(base.index.ms)})`,
    ]);
    rows.push([
      'baseline peak RSS (tree / largest process)',
      `${size(peakRss(base.build))} build, ${size(peakRss(base.index))} index`,
    ]);
    rows.push([
      'baseline dist / index',
      `${base.dist.files} files, ${size(base.dist.bytes)} / ${size(base.pagefind.bytes)}`,
    ]);
    const inc = base.incremental;
    rows.push([
      'baseline with experimental.incrementalBuild',
      inc
        ? `full ${seconds(inc.fullMs)}, one record edited ${seconds(inc.editMs)} (${inc.rendered} rendered, ${inc.restored} restored); ` +
          // The archive's build keeps the same incremental cache: this is the like-for-like ratio.
          `the full build is ${(result.build.ms / (inc.fullMs + base.index.ms)).toFixed(2)}× its full build + the Pagefind CLI`
        : 'n/a',
    ]);
  } else {
    rows.push(['baseline', 'skipped']);
  }
  rows.push(['Hugo + Pagefind peer', result.hugoPeer]);
  const verdict = (pass: boolean | null): string => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');
  return [
    `## Benchmark: ${result.articles} articles (seed ${result.seed}), ${result.machine.cpus} CPUs, ${result.machine.memoryGb} GB, Node ${result.machine.node}, ${result.machine.date}, load average ${result.machine.loadAverage.map((l) => l.toFixed(1)).join(' → ')}`,
    '',
    ...table(rows),
    '',
    '| target | measured | limit | result |',
    '| --- | --- | --- | --- |',
    ...result.targets.map((t) => `| ${t.name} | ${t.value} | ${t.limit} | ${verdict(t.pass)} |`),
    '',
    ...result.method.map((line) => `- ${line}`),
    '',
  ].join('\n');
}
