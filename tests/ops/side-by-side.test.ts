import { describe, expect, it } from 'vitest';
import { sideBySide } from '../../src/integrations/side-by-side.ts';

/** A task that records when it ran, and ends when the test says so. */
interface Task {
  name: string;
  weight: number;
}

/** Runs `tasks` through `sideBySide`, ending each on the next tick, and records which ran together. */
async function trace(tasks: Task[], slots: number, budget: number, fail?: string) {
  const running = new Set<string>();
  const together: string[][] = [];
  const started: string[] = [];
  const run = async ({ name }: Task) => {
    running.add(name);
    started.push(name);
    together.push([...running].sort());
    await new Promise((resolve) => setTimeout(resolve, 5));
    running.delete(name);
    if (name === fail) throw new Error(`${name} failed`);
  };
  const outcome = await sideBySide(tasks, run, slots, budget).then(
    () => 'done',
    (error: unknown) => (error as Error).message,
  );
  return { together, started, outcome };
}

describe('indexing bundles side by side', () => {
  const tasks = [
    { name: 'a', weight: 3 },
    { name: 'b', weight: 3 },
    { name: 'c', weight: 3 },
  ];

  it('runs as many at a time as there are slots', async () => {
    const { together, outcome } = await trace(tasks, 2, 10);
    expect(outcome).toBe('done');
    expect(Math.max(...together.map((names) => names.length))).toBe(2);
  });

  it('keeps the weight in flight within the budget, and runs a task heavier than the budget alone', async () => {
    expect(Math.max(...(await trace(tasks, 3, 5)).together.map((names) => names.length))).toBe(1);
    const heavy = await trace([{ name: 'big', weight: 9 }, ...tasks], 3, 6);
    expect(heavy.together[0]).toEqual(['big']);
    expect(heavy.started).toEqual(['big', 'a', 'b', 'c']);
  });

  it('starts nothing after a failure and throws it once the running tasks have ended', async () => {
    const { started, outcome } = await trace(tasks, 1, 10, 'a');
    expect(outcome).toBe('a failed');
    expect(started).toEqual(['a']);
  });
});
