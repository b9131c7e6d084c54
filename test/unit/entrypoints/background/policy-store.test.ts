import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE } from '../../../../core/storage';
import { createPolicyStore, latestWins } from '../../../../entrypoints/background/policy-store';

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
