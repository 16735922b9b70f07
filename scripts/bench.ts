/**
 * `npm run bench -- [--articles 10000] [--seed 1] [--start 2024-01-01] [--end 2026-11-29]
 * [--skip-baseline] [--skip-browser] [--skip-quality] [--skip-rebuild] [--skip-identity]
 * [--max-rss-gb 16] [--rounds 1] [--json out.json] [--keep] [--help]`: generates a synthetic archive spread over the days from
 * --start to --end in a fresh folder under node_modules/.cache and measures parse throughput,
 * the full build (phases, peak memory, output and index size, the largest HTML and JSON file),
 * rebuilds after a new day's seeds are added, after a seed of the oldest year is edited and
 * after the first day of a new month is added, that
 * the rebuilt site is byte for byte a clean build of the same seeds, search in headless
 * Chromium (speed and bytes, and quality on queries from the archive's text, each beside stock
 * Pagefind on the same bundles), and a bare Astro + Pagefind baseline of the same records (and Hugo + Pagefind when
 * `hugo` is installed). Prints a table with PASS/FAIL per target, then the result as JSON. A
 * step whose process tree passes --max-rss-gb is stopped, and the report says how far it got.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSeeds } from '../src/lib/index.ts';
import { orderBundles } from '../src/site/search-bundles.ts';
import { baselineRecords, writeBaselineRecords, writeBaselineSite } from './lib/baseline.ts';
import { writeHugoSite } from './lib/hugo-peer.ts';
import {
  evaluateTargets,
  medianRun,
  peakRss,
  processList,
  renderReport,
  type BaselineResult,
  type BenchResult,
  type BuildRun,
} from './lib/bench-report.ts';
import { buildPhases } from './lib/build-log.ts';
import { differentFiles } from './lib/compare-dirs.ts';
import { dirStats, largestFile } from './lib/dir-stats.ts';
import { runMeasured, SAMPLE_MS, type MeasuredRun, type TimedLine } from './lib/measure.ts';
import { benchParse, type ParseBench } from './lib/parse-bench.ts';
import { pagefindBundles, probeSearch } from './lib/search-probe.ts';
import { probeQuality, renderQualityTable, type QualityReport } from './lib/search-quality.ts';
import { renderSearchTable } from './lib/search-report.ts';
import { addSyntheticDay, editSyntheticPage, writeSyntheticArchive } from './lib/synthetic.ts';

/** The project root. */
const ROOT = join(import.meta.dirname, '..');

/** At most this many bytes of seeds go through the parse benchmark (a prefix of the archive). */
const PARSE_SAMPLE_BYTES = 32e6;

/** Queries for the search probe: the first cold, the rest warm. */
const QUERIES = ['科技创新', '北京', '新质生产力', '清明假期'];

const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    start: { type: 'string', default: '2024-01-01' },
    end: { type: 'string', default: '2026-11-29' },
    'skip-identity': { type: 'boolean', default: false },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    'skip-rebuild': { type: 'boolean', default: false },
    'result-selector': { type: 'string', default: '#search-results > li, #results a[href]' },
    'done-selector': { type: 'string', default: '#search-status[data-state="done"]' },
    'max-rss-gb': { type: 'string', default: '16' },
    rounds: { type: 'string', default: '1' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-quality': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  process.stdout.write(
    [
      'Usage: npm run bench -- [options]',
      '  --articles <n>        synthetic articles (default 10000)',
      '  --seed <n>            generator seed (default 1)',
      '  --start, --end        yyyy-mm-dd: the days the archive spans (default 2024-01-01 to 2026-11-29)',
      '  --skip-rebuild        no rebuild after a new day and after an edit',
      '  --skip-identity       no clean build to compare the rebuilt site with',
      '  --skip-browser        no search measurements in Chromium',
      '  --skip-quality        no search-quality comparison with stock Pagefind',
      '  --skip-baseline       no bare Astro + Pagefind baseline',
      '  --max-rss-gb <n>      stop a step whose process tree passes this (default 16)',
      '  --rounds <n>          time the full build, each rebuild and the baseline n times; report the medians (default 1)',
      '  --json <file>         also write the result as JSON',
      '  --keep                keep the work folder (seeds, cache, dist)',
      '',
    ].join('\n'),
  );
  process.exit(0);
}
const articles = Number(options.articles);
const maxTreeRss = Number(options['max-rss-gb']) * 1e9;
const seed = Number(options.seed);
const rounds = Number(options.rounds);
const isoDate = /^\d{4}-\d{2}-\d{2}$/u;
if (
  !Number.isInteger(articles) ||
  articles < 1 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(rounds) ||
  rounds < 1 ||
  !isoDate.test(options.start) ||
  !isoDate.test(options.end) ||
  options.end < options.start
) {
  process.stderr.write(
    'Usage: npm run bench -- --articles <positive integer> [--seed <integer>] [--rounds <positive integer>] [--start yyyy-mm-dd] [--end yyyy-mm-dd] …\n',
  );
  process.exit(2);
}

/** ` (round 2 of 3)` when the benchmark runs several rounds, else nothing. */
function roundLabel(round: number): string {
  return rounds > 1 ? ` (round ${String(round)} of ${String(rounds)})` : '';
}

/** Progress on stderr, so stdout holds only the report. */
function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Echoes Astro's phase lines (not the per-route ones) as progress. */
function echo(line: TimedLine): void {
  if (/\[(content|build|xinhua-[\w-]+)\]|pagefind|error/iu.test(line.text) && !line.text.includes('├─')) {
    process.stderr.write(`  ${(line.ms / 1000).toFixed(1).padStart(6)} s  ${line.text.slice(0, 160)}\n`);
  }
}

/** A step that did not finish: its measurements so far and the tail of its output. */
class StepFailed extends Error {
  /** What ran. */
  readonly step: string;
  /** Its measurements. */
  readonly run: MeasuredRun;

  /** @param step what ran; @param run its measurements */
  constructor(step: string, run: MeasuredRun) {
    const why = run.killedForMemory
      ? `was stopped when its process tree passed ${options['max-rss-gb']} GB`
      : `exited with ${String(run.code)}`;
    super(
      `${step} ${why}:\n${run.lines
        .slice(-30)
        .map((line) => line.text)
        .join('\n')}`,
    );
    this.step = step;
    this.run = run;
  }
}

/** Fails with the tail of a run's output when it did not exit 0. */
function ensureOk(step: string, run: MeasuredRun): void {
  if (run.code !== 0) throw new StepFailed(step, run);
}

/** What the benchmark had measured when a step failed, for the report of a run that did not finish. */
const progress: { archive?: BenchResult['archive']; parse?: ParseBench } = {};

/** Runs the Pagefind CLI over a built site. */
async function pagefindCli(site: string, cwd: string): Promise<MeasuredRun> {
  const run = await runMeasured('npx', ['pagefind', '--site', site], { cwd, onLine: echo, maxTreeRss });
  ensureOk('pagefind', run);
  return run;
}

/** Builds the site from `seedsDir` into `dist` with the cache in `cache`; indexes with the CLI if the build did not. */
async function buildSite(seedsDir: string, dist: string, cache: string): Promise<BuildRun> {
  const env = { ...process.env, SEEDS_DIR: seedsDir, ASTRO_CACHE_DIR: cache };
  // The output folder is left as the last build left it: the build checks it and keeps it.
  const run = await runMeasured('npx', ['astro', 'build', '--outDir', dist], {
    cwd: ROOT,
    env,
    onLine: echo,
    maxTreeRss,
  });
  ensureOk('astro build', run);
  const phases = buildPhases(run.lines, run.ms);
  const indexed = phases.indexedPages !== null && pagefindBundles(dist).length > 0;
  const cli = indexed ? undefined : await pagefindCli(dist, ROOT);
  return {
    ms: run.ms + (cli?.ms ?? 0),
    buildMs: run.ms,
    cliIndexMs: cli?.ms ?? null,
    phases,
    peakTreeRss: Math.max(run.peakTreeRss, cli?.peakTreeRss ?? 0),
    peakProcesses: processList(run.peakProcesses),
    peakProcessRss: Math.max(run.peakProcessRss ?? 0, cli?.peakProcessRss ?? 0) || null,
  };
}

/** Builds the baseline site in `dir` and indexes it; then measures Astro's incremental build on it. */
async function runBaseline(dir: string, seedsDir: string, files: readonly string[]): Promise<BaselineResult> {
  const { articles: records } = parseSeeds(
    files.map((file) => ({ file, content: readFileSync(join(seedsDir, file)) })),
  );
  const baseline = baselineRecords(records);
  const recordsFile = writeBaselineSite(dir, join(ROOT, 'node_modules'), baseline);
  const astro = async (incremental: boolean): Promise<MeasuredRun> => {
    const env = { ...process.env, BENCH_INCREMENTAL: incremental ? '1' : '0' };
    const run = await runMeasured('npx', ['astro', 'build'], { cwd: dir, env, onLine: echo, maxTreeRss });
    ensureOk('baseline astro build', run);
    return run;
  };
  log('baseline: astro build');
  const built = await astro(false);
  log('baseline: pagefind CLI');
  const index = await pagefindCli('dist', dir);
  const dist = dirStats(join(dir, 'dist'));
  const pagefind = dirStats(join(dir, 'dist', 'pagefind'));
  log('baseline: experimental.incrementalBuild, full then one record edited');
  const full = await astro(true);
  const edited = baseline.map((record, i) =>
    i === Math.floor(baseline.length / 2)
      ? {
          ...record,
          paragraphs: [`${record.paragraphs[0] ?? ''}（本段已更正。）`, ...record.paragraphs.slice(1)],
          digest: `${record.digest}-edited`,
        }
      : record,
  );
  writeBaselineRecords(recordsFile, edited);
  const again = await astro(true);
  const againPhases = buildPhases(again.lines, again.ms);
  return {
    build: {
      ms: built.ms,
      buildMs: built.ms,
      cliIndexMs: null,
      phases: buildPhases(built.lines, built.ms),
      peakTreeRss: built.peakTreeRss,
      peakProcesses: processList(built.peakProcesses),
      peakProcessRss: built.peakProcessRss ?? null,
    },
    index: { ms: index.ms, peakTreeRss: index.peakTreeRss, peakProcessRss: index.peakProcessRss ?? null },
    totalMs: built.ms + index.ms,
    dist,
    pagefind,
    incremental: { fullMs: full.ms, editMs: again.ms, rendered: againPhases.rendered, restored: againPhases.restored },
  };
}

/** Builds the Hugo peer of the same records and indexes it with the Pagefind CLI, when `hugo` is installed; says what it measured. */
async function runHugoPeer(seedsDir: string, files: readonly string[]): Promise<string> {
  const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (hugo.status !== 0)
    return 'hugo is not installed (Debian: apt-get install hugo): no Hugo + Pagefind peer was built';
  const { articles: records } = parseSeeds(
    files.map((file) => ({ file, content: readFileSync(join(seedsDir, file)) })),
  );
  const dir = mkdtempSync(join(tmpdir(), 'xinhua-bench-hugo-'));
  try {
    writeHugoSite(dir, baselineRecords(records));
    log('Hugo peer: hugo');
    const built = await runMeasured('hugo', ['--quiet', '--source', dir, '--destination', join(dir, 'public')], {
      cwd: dir,
      onLine: echo,
      maxTreeRss,
    });
    ensureOk('hugo', built);
    log('Hugo peer: pagefind CLI');
    const index = await pagefindCli(join(dir, 'public'), ROOT);
    const version = /v\d+\.\d+\.\d+/u.exec(hugo.stdout)?.[0] ?? 'hugo';
    return `Hugo ${version} ${(built.ms / 1000).toFixed(1)} s + Pagefind CLI ${(index.ms / 1000).toFixed(1)} s = ${((built.ms + index.ms) / 1000).toFixed(1)} s`;
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Search quality of the site and of stock Pagefind (null when not measured). */
const measured: { quality: QualityReport | null } = { quality: null };

/** Runs the whole benchmark in `work`. */
async function bench(work: string): Promise<BenchResult> {
  const loadAtStart = loadavg()[0] ?? 0;
  const seedsDir = join(work, 'seeds');
  const dist = join(work, 'dist');
  const cache = join(work, 'cache');
  log(`writing ${articles} synthetic articles into ${seedsDir}`);
  const archive = writeSyntheticArchive(seedsDir, { articles, seed, start: options.start, end: options.end });
  log(`${archive.files.length} seeds, ${(archive.bytes / 1e6).toFixed(1)} MB, ${archive.first} – ${archive.last}`);
  progress.archive = { ...archive, files: archive.files.length };

  const sample: { file: string; content: Buffer }[] = [];
  let sampled = 0;
  for (const file of archive.files) {
    if (sampled >= PARSE_SAMPLE_BYTES) break;
    const content = readFileSync(join(seedsDir, file));
    sample.push({ file, content });
    sampled += content.length;
  }
  log(`parse throughput over ${sample.length} seeds`);
  const parse = benchParse(sample);
  sample.length = 0;
  progress.parse = parse;

  // Each round builds from an empty cache and output folder; the last round's are kept for the rebuilds.
  const builds: BuildRun[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    rmSync(dist, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    log(`full build (empty cache)${roundLabel(round)}`);
    builds.push(await buildSite(seedsDir, dist, cache));
  }
  const build = medianRun(builds, (run) => run.ms);
  const distStats = dirStats(dist);
  const pagefind = dirStats(join(dist, 'pagefind'));
  const largest = { html: largestFile(dist, '.html'), json: largestFile(dist, '.json') };
  // The bundles are the folders (beside them, the highlight script the article pages load), newest first.
  const bundles = orderBundles(
    readdirSync(join(dist, 'pagefind'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
  );

  const adds: BuildRun[] = [];
  const edits: BuildRun[] = [];
  let rebuildNewMonth: BuildRun | null = null;
  let identity: BenchResult['identity'] = null;
  if (!options['skip-rebuild']) {
    // The day after the last. Each further round first takes that day out again (a rebuild not
    // timed), so every round adds the same day to the same archive: a later day could start a
    // new month, which closes periods of the search indexes and is a rebuild of its own kind.
    const next = new Date(`${archive.last}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const day = next.toISOString().slice(0, 10);
    for (let round = 1; round <= rounds; round += 1) {
      const added = addSyntheticDay(seedsDir, { seed, date: day });
      log(`rebuild after adding the day ${day} (${added.length} seeds, 100 items)${roundLabel(round)}`);
      adds.push(await buildSite(seedsDir, dist, cache));
      if (round < rounds) {
        for (const file of added) rmSync(join(seedsDir, file));
        log(`rebuild after taking the day ${day} out again, before the next round (not timed)`);
        await buildSite(seedsDir, dist, cache);
      }
    }
    // Seeds of the oldest year, a tenth of the way in (another one each round): its year's bundle is long closed.
    for (let round = 1; round <= rounds; round += 1) {
      const old = archive.files[Math.floor(archive.files.length / 10) + round - 1] ?? '';
      log(`rebuild after editing ${old}${roundLabel(round)}`);
      editSyntheticPage(join(seedsDir, old));
      edits.push(await buildSite(seedsDir, dist, cache));
    }
    // Once: the first day of the next month, which closes the open month (its search bundle and
    // phrase-index period keep their name; on the first day of a quarter or a year, the closed
    // quarter's or year's bundles and periods merge).
    const monthStart = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
    monthStart.setUTCMonth(monthStart.getUTCMonth() + 1);
    const firstDay = monthStart.toISOString().slice(0, 10);
    const opened = addSyntheticDay(seedsDir, { seed, date: firstDay });
    log(`rebuild after adding ${firstDay}, the first day of a new month (${opened.length} seeds, 100 items)`);
    rebuildNewMonth = await buildSite(seedsDir, dist, cache);
    if (!options['skip-identity']) {
      log('clean build of the same seeds, to compare with the rebuilt site byte for byte');
      const clean = join(work, 'clean');
      await buildSite(seedsDir, join(clean, 'dist'), join(clean, 'cache'));
      const differing = differentFiles(dist, join(clean, 'dist'));
      identity = { files: dirStats(dist).files, differing: differing.length, examples: differing.slice(0, 10) };
      rmSync(clean, { recursive: true, force: true });
    }
  }
  const rebuildAdd = adds.length > 0 ? medianRun(adds, (run) => run.ms) : null;
  const rebuildEdit = edits.length > 0 ? medianRun(edits, (run) => run.ms) : null;

  let search = null;
  if (!options['skip-browser']) {
    log('search in headless Chromium');
    search = await probeSearch(dist, {
      queries: QUERIES,
      resultSelector: options['result-selector'],
      doneSelector: options['done-selector'],
    });
    if (!options['skip-quality']) {
      log('search quality: the search page and stock Pagefind on the same queries');
      // The seeds as the built site has them: the rebuilds added a day and edited a seed.
      const { articles: records } = parseSeeds(
        readdirSync(seedsDir)
          .sort()
          .map((file) => ({ file, content: readFileSync(join(seedsDir, file)) })),
      );
      measured.quality = await probeQuality(dist, records);
    }
  }

  const baselines: BaselineResult[] = [];
  for (let round = 1; round <= rounds && !options['skip-baseline']; round += 1) {
    // Outside node_modules, so that Vite treats its page as source, not as a dependency.
    const dir = mkdtempSync(join(tmpdir(), 'xinhua-bench-baseline-'));
    try {
      if (rounds > 1) log(`baseline${roundLabel(round)}`);
      baselines.push(await runBaseline(dir, seedsDir, archive.files));
    } finally {
      if (!options.keep) rmSync(dir, { recursive: true, force: true });
    }
  }
  const baseline = baselines.length > 0 ? medianRun(baselines, (run) => run.totalMs) : null;

  const hugoPeer = options['skip-baseline'] ? 'skipped with the baseline' : await runHugoPeer(seedsDir, archive.files);
  log(`Hugo + Pagefind peer: ${hugoPeer}`);

  const partial: Omit<BenchResult, 'targets' | 'method'> = {
    articles,
    seed,
    archive: { ...archive, files: archive.files.length },
    machine: {
      cpus: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
      loadAverage: [loadAtStart, loadavg()[0] ?? 0],
    },
    parse,
    build,
    rounds: {
      count: rounds,
      builds: builds.map((run) => run.ms),
      adds: adds.map((run) => run.ms),
      edits: edits.map((run) => run.ms),
      baselines: baselines.map((run) => run.totalMs),
      peak: Math.max(...[...builds, ...adds, ...edits].map(peakRss)),
    },
    dist: distStats,
    pagefind,
    largest,
    bundles,
    rebuildEdit,
    rebuildAdd,
    rebuildNewMonth,
    identity,
    hugoPeer,
    search,
    baseline,
  };
  return {
    ...partial,
    targets: evaluateTargets(partial),
    method: [
      'Builds run `npx astro build --outDir <work>/dist` with SEEDS_DIR=<work>/seeds and ASTRO_CACHE_DIR=<work>/cache (<work> a fresh folder in node_modules/.cache); rebuilds reuse that cache and outDir: first after a new day (100 items on 10–14 seeds, the day after the last) is added, then after a seed of the oldest year is edited (a sentence added to a paragraph). Then a clean build of the same seeds (own cache and outDir) is compared with the rebuilt output file by file, byte for byte.',
      `Rounds: ${rounds}. With more than one, the full build runs that many times from an empty cache, the new day is added that many times (taken out again and rebuilt, untimed, between rounds) and as many seeds of the oldest year are edited (another each round), each followed by its rebuild, and the baseline runs that many times; each step is reported from its median round, the ratios are of those medians, and peak memory is the highest of all rounds. After the edits, the first day of the next month is added once and rebuilt: the closed month keeps its search bundle and its phrase-index period; on the first day of a quarter or a year (pick the archive's end with --end) the closed quarter's or year's bundles and periods merge into one.`,
      'Phases are the arrival times of the lines Astro prints: start-up until "[content] Syncing content", load until "[content] Synced content", render until the "✓ Completed in" closing "generating static routes", index until the Pagefind integration\'s line with its page count; when the build writes no dist/pagefind, the Pagefind CLI runs after it and its time is the index phase.',
      `Peak RSS: VmRSS of the whole process tree summed, sampled every ${SAMPLE_MS} ms from /proc; and the exact peak of the largest process from GNU time (/usr/bin/time -f %M).`,
      'Parse: parseSeed against unified().use(remarkParse).parse on the same file bytes, one warm-up pass each, then interleaved rounds (order alternating); medians.',
      'Baseline: a bare Astro site with one page per record (headline and paragraphs) read from JSON, then `npx pagefind --site dist`; same Astro, Node and Pagefind.',
      'Search: the built site served by scripts/lib/static-server.ts on 127.0.0.1; bytes are what the server sent; the API figures load the Pagefind bundles the search page names (merging all but the first), search and load the top 10 results.',
    ],
  };
}

// Inside the project: with an outDir outside the working directory, Astro writes its prerender
// chunks to <root>/.astro/.prerender, where another build at the same time would overwrite them.
mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
const work = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'xinhua-bench-'));
try {
  const result = await bench(work);
  process.stdout.write(renderReport(result));
  const { archive } = result;
  if (result.search)
    process.stdout.write(renderSearchTable(result.search, articles, `${archive.first} – ${archive.last}`));
  if (measured.quality) process.stdout.write(renderQualityTable(measured.quality, articles));
  const json = JSON.stringify({ ...result, searchQuality: measured.quality }, null, 2);
  process.stdout.write(`\n\`\`\`json\n${json}\n\`\`\`\n`);
  if (options.json) writeFileSync(options.json, `${json}\n`);
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  // How far the step got: its phases and memory, with what was measured before it.
  const { run } = error;
  const stopped = {
    articles,
    seed,
    ...progress,
    stopped: {
      step: error.step,
      code: run.code,
      killedForMemory: run.killedForMemory,
      ms: run.ms,
      peakTreeRss: run.peakTreeRss,
      peakProcessRss: run.peakProcessRss ?? null,
      peakProcesses: processList(run.peakProcesses),
      phases: buildPhases(run.lines, run.ms),
      lastLines: run.lines.slice(-15).map((line) => `${(line.ms / 1000).toFixed(1)} s  ${line.text}`),
    },
  };
  const json = JSON.stringify(stopped, null, 2);
  process.stdout.write(`## Benchmark stopped: ${error.message.split('\n')[0] ?? ''}\n\n\`\`\`json\n${json}\n\`\`\`\n`);
  if (options.json) writeFileSync(options.json, `${json}\n`);
  process.exitCode = 1;
} finally {
  if (options.keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
