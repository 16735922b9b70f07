import { describe, expect, it } from 'vitest';
import { runMeasured, treeRss } from '../../scripts/lib/measure.ts';

const script = "console.log('first'); setTimeout(() => console.log('second'), 500);";

describe('measured runs', () => {
  it('sums the memory of a process tree', () => {
    const tree = treeRss(process.pid);
    expect(tree.total).toBeGreaterThan(10e6);
    expect(tree.processes.map((p) => p.pid)).toContain(process.pid);
  });

  it('times each output line and samples the tree', async () => {
    const run = await runMeasured(process.execPath, ['-e', script], { cwd: process.cwd() });
    expect(run.code).toBe(0);
    expect(run.killedForMemory).toBe(false);
    expect(run.lines.map((line) => line.text)).toEqual(['first', 'second']);
    // Arrival order and times come from the run itself: the second line is printed after a timer.
    expect((run.lines[1]?.ms ?? 0) > (run.lines[0]?.ms ?? 0)).toBe(true);
    expect(run.peakTreeRss).toBeGreaterThan(10e6);
    expect(run.peakProcesses[0]?.rss).toBeGreaterThan(0);
  });

  it('reads lines without the colour codes a build prints when colour is forced', async () => {
    const coloured = String.raw`console.log('\u001b[2m12:00:05\u001b[22m \u001b[32m├─\u001b[39m \u001b[2m/a/index.html\u001b[22m \u001b[32m(cached)\u001b[39m')`;
    const run = await runMeasured(process.execPath, ['-e', coloured], { cwd: process.cwd() });
    expect(run.lines.map((line) => line.text)).toEqual(['12:00:05 ├─ /a/index.html (cached)']);
  });

  it('stops the whole tree when it passes the memory limit', async () => {
    const run = await runMeasured(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], {
      cwd: process.cwd(),
      maxTreeRss: 1,
    });
    expect(run.killedForMemory).toBe(true);
    expect(run.code).toBeNull();
  });
});
