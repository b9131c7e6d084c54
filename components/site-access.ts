import { browser } from 'wxt/browser';
import type { ConferenceSite } from '../core/policy/types';

/**
 * "Watch calls on this site" from the popup: host access for one more site (a self-hosted Jitsi,
 * BigBlueButton …), and the site in the user's settings (`conferenceSites`, read by WebRTC
 * alone), so the background registers CallGuard's scripts there.
 */

/** storage.local key of the user's settings (the background reads the same: policy-store.ts). */
const USER_SETTINGS_KEY = 'userSettings';

/** The pattern covering a page's whole host ("https://meet.example.org/*"); null for other pages. */
export function sitePatternFor(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Match patterns have no port: the host name covers every port.
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The conference sites the user added (storage.local 'userSettings'), not the organisation's. */
export async function userSites(): Promise<ConferenceSite[]> {
  const sites = (await readUserSettings()).conferenceSites;
  return Array.isArray(sites) ? (sites as ConferenceSite[]) : [];
}

/** Adds `{pattern, platform: 'webrtc'}` to the user's settings, once, keeping every other setting. */
export async function addUserSite(pattern: string): Promise<boolean> {
  const settings = await readUserSettings();
  const sites = Array.isArray(settings.conferenceSites) ? (settings.conferenceSites as ConferenceSite[]) : [];
  if (sites.some((site) => site?.pattern === pattern)) return false;
  await browser.storage.local.set({
    [USER_SETTINGS_KEY]: { ...settings, conferenceSites: [...sites, { pattern, platform: 'webrtc' }] },
  });
  return true;
}

/** Takes a site out of the user's settings again. */
export async function removeUserSite(pattern: string): Promise<void> {
  const settings = await readUserSettings();
  if (!Array.isArray(settings.conferenceSites)) return;
  const sites = (settings.conferenceSites as ConferenceSite[]).filter((site) => site?.pattern !== pattern);
  await browser.storage.local.set({ [USER_SETTINGS_KEY]: { ...settings, conferenceSites: sites } });
}

async function readUserSettings(): Promise<Record<string, unknown>> {
  const stored = (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
}

/**
 * Asks the browser for host access to the site of `url` (call it straight from a click handler:
 * the request starts before anything is awaited) and keeps the site in the user's settings when
 * access is granted. Resolves to whether the site is now covered.
 *
 * The site is stored while the browser asks, not after: Firefox may close the popup when its
 * permission prompt opens, and the background registers the scripts once both the site and the
 * permission are there. A refusal takes the site out again.
 */
export async function requestSiteAccess(url: string): Promise<boolean> {
  const pattern = sitePatternFor(url);
  if (!pattern) return false;
  const asking = browser.permissions.request({ origins: [pattern] }).catch(() => false);
  const added = await addUserSite(pattern);
  if (await asking) return true;
  if (added) await removeUserSite(pattern);
  return false;
}
