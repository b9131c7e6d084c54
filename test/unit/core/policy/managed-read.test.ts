import { describe, it, expect } from 'vitest';
import { readManagedWithRetry } from '../../../../core/policy/managed-read';

const POLICY = { requireE2EE: true };

/** A managed-storage get() that gives these answers in turn (an Error is a rejection), then the last. */
function answers(...steps: unknown[]) {
  let calls = 0;
  const get = async () => {
    const step = steps[Math.min(calls++, steps.length - 1)];
    if (step instanceof Error) throw step;
    return step;
  };
  return { get, calls: () => calls };
}

function recordingSleep() {
  const waits: number[] = [];
  return { sleep: async (ms: number) => void waits.push(ms), waits };
}

describe('readManagedWithRetry', () => {
  it('returns a filled answer at once', async () => {
    const { get, calls } = answers(POLICY);
    const { sleep, waits } = recordingSleep();
    expect(await readManagedWithRetry(get, { sleep })).toEqual(POLICY);
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('retries after Chromium first answers {} (first-run race)', async () => {
    const { get, calls } = answers({}, POLICY);
    const { sleep, waits } = recordingSleep();
    expect(await readManagedWithRetry(get, { sleep })).toEqual(POLICY);
    expect(calls()).toBe(2);
    expect(waits).toEqual([300]);
  });

  it('retries after Firefox rejects, then answers', async () => {
    const { get } = answers(new Error('Managed storage manifest not found'), POLICY);
    const { sleep } = recordingSleep();
    expect(await readManagedWithRetry(get, { sleep })).toEqual(POLICY);
  });

  it('retries after undefined, null and a non-object', async () => {
    const { get, calls } = answers(undefined, null, 'x', [], POLICY);
    const { sleep } = recordingSleep();
    expect(await readManagedWithRetry(get, { sleep })).toEqual(POLICY);
    expect(calls()).toBe(5);
  });

  it('gives {} after 10 reads 300 ms apart when nothing ever comes', async () => {
    const { get, calls } = answers({});
    const { sleep, waits } = recordingSleep();
    expect(await readManagedWithRetry(get, { sleep })).toEqual({});
    expect(calls()).toBe(10);
    expect(waits).toEqual(Array(9).fill(300));
  });

  it('gives {} when every read rejects or throws', async () => {
    const { sleep } = recordingSleep();
    await expect(readManagedWithRetry(answers(new Error('no')).get, { sleep })).resolves.toEqual({});
    const throwing = () => {
      throw new Error('sync');
    };
    await expect(readManagedWithRetry(throwing, { sleep })).resolves.toEqual({});
  });

  it('honours attempts and delayMs, reading at least once', async () => {
    const first = answers({});
    const { sleep, waits } = recordingSleep();
    await readManagedWithRetry(first.get, { attempts: 3, delayMs: 50, sleep });
    expect(first.calls()).toBe(3);
    expect(waits).toEqual([50, 50]);

    const second = answers(POLICY);
    expect(await readManagedWithRetry(second.get, { attempts: 0, sleep })).toEqual(POLICY);
  });

  it('does not throw when the injected sleep fails', async () => {
    const sleep = async () => {
      throw new Error('timer');
    };
    await expect(readManagedWithRetry(answers({}).get, { sleep })).resolves.toEqual({});
  });

  it('waits with real timers by default', async () => {
    const { get } = answers({}, POLICY);
    expect(await readManagedWithRetry(get, { delayMs: 1 })).toEqual(POLICY);
  });
});
