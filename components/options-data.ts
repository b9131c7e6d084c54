import { browser } from 'wxt/browser';
import { readManagedWithRetry } from '../core/policy/managed-read';
import { accessPatternFor } from '../core/match-pattern';
import type { Policy } from '../core/policy/types';
import { STORAGE, writeUserSettings } from '../core/storage';

/** What the options page shows: the raw user and organisation settings and the host access. */
export interface OptionsData {
  user: unknown;
  admin: Record<string, unknown>;
  granted: string[];
}

export async function loadOptionsData(): Promise<OptionsData> {
  const [user, admin, granted] = await Promise.all([
    browser.storage.local.get(STORAGE.userSettings).then((items) => items[STORAGE.userSettings]),
    // Firefox without a policy rejects; Chromium can be empty for a moment at first run, and
    // storage.onChanged brings the policy when it arrives.
    readManagedWithRetry(() => browser.storage.managed.get(), { attempts: 1 }),
    grantedOrigins(),
  ]);
  return { user, admin, granted };
}

export async function saveUserSettings(settings: Partial<Policy>): Promise<void> {
  await writeUserSettings(browser.storage.local, settings);
}

/** Calls back whenever the user's settings, the organisation's or the host access change. */
export function watchOptionsData(onChange: () => void): () => void {
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && STORAGE.userSettings in changes)) onChange();
  };
  const onPermissions = () => onChange();
  browser.storage.onChanged.addListener(onStorage);
  try {
    browser.permissions.onAdded.addListener(onPermissions);
    browser.permissions.onRemoved.addListener(onPermissions);
  } catch {
    // No permission events here (tests): nothing to follow.
  }
  return () => {
    browser.storage.onChanged.removeListener(onStorage);
    try {
      browser.permissions.onAdded.removeListener(onPermissions);
      browser.permissions.onRemoved.removeListener(onPermissions);
    } catch {
      // As above.
    }
  };
}

/** The host permissions held now: the conference sites, extra sites granted, or every site. */
export async function grantedOrigins(): Promise<string[]> {
  try {
    return (await browser.permissions.getAll()).origins ?? [];
  } catch {
    return [];
  }
}

/**
 * Asks for host access to the given site patterns in one prompt (one click). Call it straight
 * from a click handler, before anything else is awaited, so it counts as a user gesture. True
 * when access is granted or nothing needed asking. The background registers the sites' scripts
 * as soon as the permission arrives.
 */
export async function requestSitesAccess(patterns: readonly string[]): Promise<boolean> {
  const origins = [...new Set(patterns.map(accessPatternFor).filter((p): p is string => p !== null))];
  if (origins.length === 0) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
