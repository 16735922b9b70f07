import { describe, expect, it } from 'vitest';
import { evaluateTargets, renderReport, type BenchResult, type BuildRun } from '../../scripts/lib/bench-report.ts';
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
  dist: { files: 1, bytes: 1, archive: 10_240 },
  pagefind: { files: 1, bytes: 1, archive: 10_240 },
  largest: {
    html: { path: 'reporters/胡喆/index.html', bytes: 150e3 },
    json: { path: 'api/articles.json', bytes: 6e6 },
  },
  bundles: ['2026-11', '2026', '2025', '2024'],
  rebuildEdit: run(20_000, 2e9),
  rebuildAdd: run(13_000, 5e9),
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
      'rebuilt site = clean build of the same seeds': false,
      'largest HTML page': true,
      'largest JSON file': false,
      'dist fits GitHub Pages': true,
      'parse vs bare remark-parse': true,
    });
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
