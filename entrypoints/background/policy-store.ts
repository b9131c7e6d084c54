import { browser } from 'wxt/browser';
import { effectivePolicy, type EffectivePolicy } from '../../core/policy/effective';
import { readManagedWithRetry } from '../../core/policy/managed-read';
import { STORAGE } from '../../core/storage';

/**
 * How long a read of managed storage may take. Chromium can leave one unanswered for minutes when
 * the policy arrives while the browser starts, with no change event after: reports must not wait.
 */
export const MANAGED_READ_TIMEOUT_MS = 3000;

/**
 * The effective policy: defaults, then the user's settings, then the organisation's (managed
 * storage), kept current as either changes. User settings apply at once; managed storage may
 * still be empty on first run (Chromium race), so it is retried in the background, and a read
 * that hangs is waited for no longer than MANAGED_READ_TIMEOUT_MS: until managed storage has
 * answered once, `organisationKnown()` is false (the reports then never say "ok").
 */
export function createPolicyStore() {
  let user: unknown;
  let admin: Record<string, unknown> = {};
  let current: EffectivePolicy = effectivePolicy(undefined, undefined);
  const listeners: (() => void)[] = [];
  const recompute = () => {
    current = effectivePolicy(user, admin);
    for (const listener of listeners) listener();
  };
  // A read started before a change may answer after it: its older value must not win.
  const setUser = latestWins<unknown>((value) => (user = value));
  const setAdmin = latestWins<Record<string, unknown>>((value) => (admin = value));
  let organisationKnown = false;
  const readManaged = () => {
    const read = browser.storage.managed.get();
    // An answer, also a rejection (Firefox without a policy), says what the organisation sets.
    // One that comes after the timeout is the policy all the same: applied if none was yet.
    // The first answer also tells the reports assessed while it was pending (policyPending).
    const known = () => {
      if (organisationKnown) return false;
      organisationKnown = true;
      return true;
    };
    void read.then(
      (value) => {
        const first = known();
        if (Object.keys(admin).length === 0 && value && Object.keys(value).length > 0) {
          void setAdmin(async () => value as Record<string, unknown>).then((applied) => (applied || first) && recompute());
        } else if (first) recompute();
      },
      () => known() && recompute(),
    );
    return Promise.race([read, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('managed storage did not answer')), MANAGED_READ_TIMEOUT_MS))]);
  };

  // Reports wait for the user's settings and at most MANAGED_READ_TIMEOUT_MS for the organisation's.
  const ready = (async () => {
    await setUser(async () => (await browser.storage.local.get(STORAGE.userSettings))[STORAGE.userSettings]);
    await setAdmin(() => readManagedWithRetry(readManaged, { attempts: 1 }));
    recompute();
  })();
  void ready.then(async () => {
    if (Object.keys(admin).length > 0) return;
    const applied = await setAdmin(() => readManagedWithRetry(readManaged));
    if (applied && Object.keys(admin).length > 0) recompute();
  });

  browser.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'managed') {
      await setAdmin(() => readManagedWithRetry(readManaged, { attempts: 1 }));
      recompute();
    } else if (area === 'local' && STORAGE.userSettings in changes) {
      const value: unknown = changes[STORAGE.userSettings]?.newValue;
      await setUser(async () => value);
      recompute();
    }
  });

  return {
    ready,
    get: () => current,
    organisationKnown: () => organisationKnown,
    onChange: (listener: () => void) => listeners.push(listener),
  };
}
export type PolicyStore = ReturnType<typeof createPolicyStore>;

/**
 * Runs reads and applies each answer unless a read started later was applied already, so answers
 * that come back out of order (a storage get overtaken by the onChanged of a later set) never
 * bring back an older value. Resolves to whether this read's value was applied.
 */
export function latestWins<T>(apply: (value: T) => void): (read: () => Promise<T>) => Promise<boolean> {
  let started = 0;
  let applied = 0;
  return async (read) => {
    const ticket = ++started;
    const value = await read();
    if (ticket < applied) return false;
    applied = ticket;
    apply(value);
    return true;
  };
}
