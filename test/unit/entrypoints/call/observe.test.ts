// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeInBatches } from '../../../../entrypoints/call/observe';

// The batching logic on a fake clock (no real timings here: npm run bench measures those).
describe('observeInBatches', () => {
  let root: HTMLElement;
  let stop: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'Date'] });
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    stop();
    root.remove();
    vi.useRealTimers();
  });

  const change = (text = String(Math.random())) => {
    const span = document.createElement('span');
    span.textContent = text;
    root.append(span);
  };
  /** Changes the page every `everyMs` for `forMs`, and returns when each read ran. */
  async function churn(everyMs: number, forMs: number, runs: number[]) {
    for (let t = 0; t < forMs; t += everyMs) {
      change();
      await vi.advanceTimersByTimeAsync(everyMs);
    }
    return runs;
  }

  it('reads a change after a quiet spell on the next frame, once for many changes', async () => {
    const run = vi.fn();
    stop = observeInBatches(root, run).stop;
    change();
    change();
    change();
    await Promise.resolve();
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(run).toHaveBeenCalledTimes(1);
    // Quiet page: no more reads.
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('backs off while the page keeps changing, to one read a second, and is fast again after a pause', async () => {
    const runs: number[] = [];
    stop = observeInBatches(root, () => runs.push(performance.now())).stop;
    await churn(10, 5000, runs);
    const gaps = runs.slice(1).map((t, i) => Math.round(t - runs[i]!));
    // Each gap twice the last (from 100 ms), then one read a second.
    expect(gaps.slice(0, 4).map((g) => Math.round(g / 100) * 100)).toEqual([200, 400, 800, 1000]);
    expect(gaps.slice(4).every((g) => Math.abs(g - 1000) <= 20)).toBe(true);
    expect(runs.length).toBeLessThanOrEqual(8);

    // A pause as long as the current gap: the next change is read on the next frame.
    await vi.advanceTimersByTimeAsync(1500);
    const before = runs.length;
    const at = performance.now();
    change();
    await vi.advanceTimersByTimeAsync(20);
    expect(runs.length).toBe(before + 1);
    expect(runs.at(-1)! - at).toBeLessThanOrEqual(20);
  });

  it('reads the page as it is when the batch runs, and sees changes made after it', async () => {
    const seen: number[] = [];
    stop = observeInBatches(root, () => seen.push(root.childElementCount)).stop;
    change();
    await Promise.resolve();
    change(); // while the batch is pending (observer disconnected)
    await vi.advanceTimersByTimeAsync(20);
    expect(seen).toEqual([2]);
    await vi.advanceTimersByTimeAsync(500);
    change();
    await vi.advanceTimersByTimeAsync(20);
    expect(seen).toEqual([2, 3]);
  });

  it('schedule() asks for a read without a DOM change; stop() ends everything', async () => {
    const run = vi.fn();
    const batches = observeInBatches(root, run);
    batches.schedule();
    await vi.advanceTimersByTimeAsync(20);
    expect(run).toHaveBeenCalledTimes(1);
    batches.stop();
    change();
    batches.schedule();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
