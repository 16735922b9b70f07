/** Runs tasks side by side within a number of slots and a budget of weight in flight. */

/**
 * Runs `tasks` side by side: at most `slots` at a time, and a task starts only while the weights
 * in flight stay within `budget` (a task heavier than the budget runs alone). The first failure
 * stops new tasks from starting and is thrown once the running ones have ended.
 */
export async function sideBySide<T extends { weight: number }>(
  tasks: readonly T[],
  run: (task: T) => Promise<void>,
  slots: number,
  budget: number,
): Promise<void> {
  const waiting = [...tasks];
  const running = new Set<Promise<void>>();
  let weight = 0;
  const outcome: { failed: boolean; failure?: unknown } = { failed: false };
  for (;;) {
    for (let next = waiting[0]; next && !outcome.failed && running.size < slots; next = waiting[0]) {
      if (running.size > 0 && weight + next.weight > budget) break;
      waiting.shift();
      const task = next;
      weight += task.weight;
      const done: Promise<void> = run(task)
        .catch((error: unknown) => {
          if (!outcome.failed) Object.assign(outcome, { failed: true, failure: error });
        })
        .finally(() => {
          weight -= task.weight;
          running.delete(done);
        });
      running.add(done);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (outcome.failed) throw outcome.failure;
}
