import { describe, expect, it } from 'vitest';
import {
  evaluateTargets,
  medianRun,
  renderReport,
  type BenchResult,
  type BuildRun,
} from '../../scripts/lib/bench-report.ts';
import { buildPhases } from '../../scripts/lib/build-log.ts';

/** A build of `ms` milliseconds peaking at `rss` bytes. */
function run(ms: number, rss: number): BuildRun {
  return {
    ms,
    buildMs: ms,
    cliIndexMs: null,
    phases: buildPhases([], ms),
    peakTreeRss: rss,
    peakProcessRss: null,
    peakProcesses: ['node 1.0 GB'],
  };
}

const timing = { medianMs: 1000, mbPerSecond: 10 };
const result: Omit<BenchResult, 'targets' | 'method'> = {
  articles: 10_000,
  seed: 1,
  archive: { files: 1253, articles: 10_000, bytes: 10e6, days: 104, first: '2024-01-01', last: '2024-04-13' },
  machine: { cpus: 2, memoryGb: 24, node: 'v24', date: '2026-01-01', loadAverage: [1, 1] },
  parse: { files: 1253, bytes: 10e6, rounds: 5, ours: { medianMs: 1100, mbPerSecond: 9 }, bare: timing, ratio: 0.9 },
  build: run(60_000, 3e9),
  rounds: { count: 1, builds: [60_000], adds: [13_000], edits: [20_000], baselines: [], peak: 5e9 },
  dist: { files: 1, bytes: 1, archive: 10_240 },
  pagefind: { files: 1, bytes: 1, archive: 10_240 },
  largest: {
    html: { path: 'reporters/胡喆/index.html', bytes: 150e3 },
    json: { path: 'api/articles.json', bytes: 6e6 },
  },
  bundles: ['2026-11', '2026', '2025', '2024'],
  rebuildEdit: run(20_000, 2e9),
  rebuildAdd: run(13_000, 5e9),
  rebuildNewMonth: run(30_000, 2e9),
  identity: { files: 100, differing: 1, examples: ['index.html'] },
  hugoPeer: 'hugo is not installed: no Hugo + Pagefind peer was built',
  search: null,
  baseline: null,
};

describe('bench targets', () => {
  it('passes and fails each target against its limit, n/a when not measured', () => {
    expect(evaluateTargets({ ...result, articles: 100_000 }).find((t) => t.name === 'peak RSS of the build')).toEqual({
      name: 'peak RSS of the build',
      value: '5.00 GB',
      limit: '≤ 8.00 GB',
      pass: true,
    });
    const verdicts = Object.fromEntries(evaluateTargets(result).map((t) => [t.name, t.pass]));
    expect(verdicts).toEqual({
      'full build vs baseline': null,
      'full build, 10000 articles': true,
      'peak RSS of the build': false,
      'rebuild, a new day added': false,
      'rebuild, a seed of the oldest year edited': true,
      'rebuild, the first day of a new month': false,
      'rebuilt site = clean build of the same seeds': false,
      'largest HTML page': true,
      'largest JSON file': false,
      'dist fits GitHub Pages': true,
      'parse vs bare remark-parse': true,
    });
  });

  it('reports a step that ran several rounds from its median round, with the spread', () => {
    const runs = [run(90_000, 3e9), run(70_000, 3e9), run(80_000, 3e9), run(75_000, 3e9)];
    expect(medianRun(runs, (r) => r.ms).ms, 'the lower middle of an even count').toBe(75_000);
    expect(medianRun(runs.slice(0, 3), (r) => r.ms).ms).toBe(80_000);
    expect(() => medianRun([], (r: BuildRun) => r.ms)).toThrow(/at least one run/u);
    const several = {
      ...result,
      build: run(80_000, 3e9),
      rebuildAdd: run(15_000, 2e9),
      rounds: {
        count: 3,
        builds: [90_000, 70_000, 80_000],
        adds: [15_000, 17_000, 12_000],
        edits: [20_000, 20_000, 20_000],
        baselines: [],
        peak: 4.5e9,
      },
    };
    const targets = evaluateTargets(several);
    expect(targets.find((t) => t.name === 'rebuild, a new day added')).toEqual({
      name: 'rebuild, a new day added',
      value: '15.0 s = 19% of full (0 routes rendered, 0 reused); median of 3 rounds: 12.0–17.0 s = 15%–21%',
      limit: '≤ 20% of full build',
      pass: true,
    });
    expect(targets.find((t) => t.name === 'peak RSS of the build')?.value, 'the highest peak of any round').toBe(
      '4.50 GB',
    );
    const baseline = {
      build: run(20_000, 1e9),
      index: { ms: 12_000, peakTreeRss: 1e9, peakProcessRss: null },
      totalMs: 32_000,
      dist: result.dist,
      pagefind: result.pagefind,
      incremental: null,
    };
    const withBaseline = { ...several, baseline, rounds: { ...several.rounds, baselines: [32_000, 30_000, 36_000] } };
    expect(evaluateTargets(withBaseline).find((t) => t.name === 'full build vs baseline')?.value).toBe(
      '2.50× (80.0 s / 32.0 s); medians of 3 rounds: full 70.0–90.0 s, baseline 30.0–36.0 s',
    );
    const incremental = { fullMs: 28_000, editMs: 9_000, rendered: 1, restored: 9_999 };
    expect(
      renderReport({ ...withBaseline, baseline: { ...baseline, incremental }, targets, method: [] }),
      'the like-for-like ratio against the baseline with the same incremental cache',
    ).toContain(
      '| baseline with experimental.incrementalBuild | full 28.0 s, one record edited 9.0 s (1 rendered, 9999 restored); the full build is 2.00× its full build + the Pagefind CLI |',
    );
    const report = renderReport({ ...several, targets, method: [] });
    expect(report).toContain(
      '| rounds (3; the median reported) | full builds 90.0 s, 70.0 s, 80.0 s; a new day 15.0 s, 17.0 s, 12.0 s; an old seed edited 20.0 s, 20.0 s, 20.0 s |',
    );
  });

  it('renders a table with a result per target', () => {
    const report = renderReport({ ...result, targets: evaluateTargets(result), method: ['how'] });
    expect(report).toContain(
      '| rebuild, a new day added | 13.0 s = 22% of full (0 routes rendered, 0 reused) | ≤ 20% of full build | FAIL |',
    );
    expect(report).toContain(
      '| rebuilt site = clean build of the same seeds | 1 of 100 files differ (index.html) | byte for byte | FAIL |',
    );
    expect(report).toContain('| Hugo + Pagefind peer | hugo is not installed: no Hugo + Pagefind peer was built |');
    expect(report).toContain('| full build vs baseline | skipped | ≤ 1.5× | n/a |');
    expect(report).toContain('- how');
  });
});
