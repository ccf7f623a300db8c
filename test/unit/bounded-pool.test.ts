import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../functions/domain/bounded-pool';

/** A task that resolves after `ms` milliseconds, counting how many run at once. */
function gauge() {
  let running = 0;
  let peak = 0;
  const started: number[] = [];
  const run = async <R>(i: number, ms: number, value: R): Promise<R> => {
    started.push(i);
    running += 1;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, ms));
    running -= 1;
    return value;
  };
  return { run, started, peak: () => peak, running: () => running };
}

describe('mapBounded, the one worker pool', () => {
  it('runs at most the limit at once, and uses the whole limit', async () => {
    // Prepare
    const g = gauge();
    const items = Array.from({ length: 10 }, (_, i) => i);
    // Act
    await mapBounded(items, 3, (i) => g.run(i, 5, i));
    // Assess
    expect(g.peak()).toBe(3);
    expect(g.started).toEqual(items);
  });

  it('keeps each result at its item index, whatever order the calls finish in', async () => {
    const g = gauge();
    const delays = [30, 1, 20, 2, 10, 3];
    const out = await mapBounded(delays, 4, (ms, i) => g.run(i, ms, `r${i}`));
    expect(out).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('starts no item after a failure, lets the running ones finish, then throws the first error', async () => {
    // Prepare: item 1 fails while items 0 and 2 are still running; items 3.. wait their turn
    const g = gauge();
    const finished: number[] = [];
    const items = Array.from({ length: 8 }, (_, i) => i);
    // Act
    const outcome = mapBounded(items, 3, async (i) => {
      if (i === 1) {
        await g.run(i, 2, 0);
        throw new Error('first');
      }
      if (i === 2) {
        await g.run(i, 4, 0);
        throw new Error('second');
      }
      await g.run(i, 20, 0);
      finished.push(i);
      return i;
    });
    // Assess
    await expect(outcome).rejects.toThrow('first');
    expect(g.running()).toBe(0);
    expect(finished).toEqual([0]);
    expect(g.started).toEqual([0, 1, 2]);
  });

  it('returns an empty list for no items and refuses a limit below one', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
    await expect(mapBounded([1], 0, async () => 1)).rejects.toThrow(/at least 1, not 0/);
    await expect(mapBounded([1], 1.5, async () => 1)).rejects.toThrow(RangeError);
  });
});
