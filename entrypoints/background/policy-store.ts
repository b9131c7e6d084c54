import { browser } from 'wxt/browser';
import { effectivePolicy, type EffectivePolicy } from '../../core/policy/effective';
import { readManagedWithRetry } from '../../core/policy/managed-read';

export const USER_SETTINGS_KEY = 'userSettings';

/**
 * The effective policy: defaults, then the user's settings, then the organisation's (managed
 * storage), kept current as either changes. User settings apply at once; managed storage may
 * still be empty on first run (Chromium race), so it is retried in the background.
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
  const readManaged = () => browser.storage.managed.get();

  // Reports wait only for the user's settings; the organisation's follow as soon as they arrive.
  const ready = (async () => {
    user = (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
    admin = await readManagedWithRetry(readManaged, { attempts: 1 });
    recompute();
  })();
  void ready.then(async () => {
    if (Object.keys(admin).length > 0) return;
    admin = await readManagedWithRetry(readManaged);
    if (Object.keys(admin).length > 0) recompute();
  });

  browser.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'managed') {
      admin = await readManagedWithRetry(readManaged, { attempts: 1 });
      recompute();
    } else if (area === 'local' && USER_SETTINGS_KEY in changes) {
      user = changes[USER_SETTINGS_KEY].newValue;
      recompute();
    }
  });

  return {
    ready,
    get: () => current,
    onChange: (listener: () => void) => listeners.push(listener),
  };
}
export type PolicyStore = ReturnType<typeof createPolicyStore>;
