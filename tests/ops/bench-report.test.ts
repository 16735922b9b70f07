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
  dist: { files: 1, bytes: 1 },
  pagefind: { files: 1, bytes: 1 },
  rebuildEdit: run(10_000, 2e9),
  rebuildAdd: run(20_000, 5e9),
  search: null,
  baseline: null,
};

describe('bench targets', () => {
  it('passes and fails each target against its limit, n/a when not measured', () => {
    const verdicts = Object.fromEntries(evaluateTargets(result).map((t) => [t.name, t.pass]));
    expect(verdicts).toEqual({
      'full build vs baseline': null,
      'full build, 10000 articles': true,
      'peak RSS of the build': false,
      'rebuild, one seed edited': true,
      'rebuild, one seed added': false,
      'parse vs bare remark-parse': true,
    });
  });

  it('renders a table with a result per target', () => {
    const report = renderReport({ ...result, targets: evaluateTargets(result), method: ['how'] });
    expect(report).toContain('| rebuild, one seed added | 20.0 s = 33% of full | ≤ 25% of full build | FAIL |');
    expect(report).toContain('| full build vs baseline | skipped | ≤ 1.5× | n/a |');
    expect(report).toContain('- how');
  });
});
