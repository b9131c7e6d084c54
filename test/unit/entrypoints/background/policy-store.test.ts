import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE } from '../../../../core/storage';
import { createPolicyStore, latestWins, MANAGED_READ_TIMEOUT_MS } from '../../../../entrypoints/background/policy-store';

/** A promise resolved from outside, to hold a storage answer back until the test lets it go. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background: policy store', () => {
  it('a settings change that overtakes the first read of the settings wins', async () => {
    // The service worker has just started and asked for the settings; before the answer comes
    // back, the user (or a test) saves new ones, and the answer that finally arrives is the old one.
    await fakeBrowser.storage.local.set({ [STORAGE.userSettings]: {} });
    const firstRead = deferred<Record<string, unknown>>();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementationOnce(() => firstRead.promise);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({} as never);

    const store = createPolicyStore();
    const changes = vi.fn();
    store.onChange(changes);
    await fakeBrowser.storage.local.set({ [STORAGE.userSettings]: { requireE2EE: true } });
    firstRead.resolve({ [STORAGE.userSettings]: {} });
    await store.ready;
    await settle();

    expect(get).toHaveBeenCalledTimes(1);
    expect(store.get().policy.requireE2EE).toBe(true);
    expect(changes).toHaveBeenCalled();
  });

  it('applies the stored settings at start, then each change, user below organisation', async () => {
    await fakeBrowser.storage.local.set({ [STORAGE.userSettings]: { requireE2EE: true, banner: 'always' } });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ banner: 'risk' } as never);
    const store = createPolicyStore();
    await store.ready;
    expect(store.get().policy.requireE2EE).toBe(true);
    expect(store.get().policy.banner).toBe('risk');

    await fakeBrowser.storage.local.set({ [STORAGE.userSettings]: { requireE2EE: false } });
    await settle();
    expect(store.get().policy.requireE2EE).toBe(false);
  });
});

describe('background: a managed read that hangs (Chromium, a policy arriving while it starts)', () => {
  /** Runs `body` on fake timers with a managed-storage read that answers only when `hung` resolves. */
  async function withHungManagedRead(body: (hung: ReturnType<typeof deferred<Record<string, unknown>>>) => Promise<void>) {
    await fakeBrowser.storage.local.set({ [STORAGE.userSettings]: {} });
    const hung = deferred<Record<string, unknown>>();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(hung.promise as never);
    vi.useFakeTimers();
    try {
      await body(hung);
    } finally {
      vi.useRealTimers();
    }
  }

  it('reports do not wait for it; the organisation counts as not known until it answers, and its late answer applies', () =>
    withHungManagedRead(async (hung) => {
      const store = createPolicyStore();
      let ready = false;
      void store.ready.then(() => (ready = true));
      await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS + 10);
      expect(ready).toBe(true);
      expect(store.organisationKnown()).toBe(false);

      hung.resolve({ requireE2EE: true });
      await vi.advanceTimersByTimeAsync(10);
      expect(store.organisationKnown()).toBe(true);
      expect(store.get().policy.requireE2EE).toBe(true);
    }));

  it('a late answer of "no policy" still tells the reports, which waited as pending', () =>
    withHungManagedRead(async (hung) => {
      const store = createPolicyStore();
      const changes = vi.fn();
      store.onChange(changes);
      await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS + 10);
      changes.mockClear();
      hung.resolve({});
      await vi.advanceTimersByTimeAsync(10);
      expect(store.organisationKnown()).toBe(true);
      expect(changes).toHaveBeenCalled();
    }));

  it('an answer, even "no policy" (Firefox rejects), makes the organisation known', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const store = createPolicyStore();
    await store.ready;
    expect(store.organisationKnown()).toBe(true);
  });
});

describe('latestWins', () => {
  it('drops an answer that comes back after the answer of a later read', async () => {
    const applied: string[] = [];
    const set = latestWins<string>((value) => applied.push(value));
    const slow = deferred<string>();
    const first = set(() => slow.promise);
    const second = set(async () => 'new');
    slow.resolve('old');
    expect(await second).toBe(true);
    expect(await first).toBe(false);
    expect(applied).toEqual(['new']);
  });

  it('applies answers that come back in order', async () => {
    const applied: string[] = [];
    const set = latestWins<string>((value) => applied.push(value));
    expect(await set(async () => 'a')).toBe(true);
    expect(await set(async () => 'b')).toBe(true);
    expect(applied).toEqual(['a', 'b']);
  });
});
