import { browser } from 'wxt/browser';
import { addUserSite, removeUserSite } from '../core/storage';

/**
 * "Watch calls on this site" from the popup: host access for one more site (a self-hosted Jitsi,
 * BigBlueButton …), and the site in the user's settings (`conferenceSites`, read by WebRTC
 * alone), so the background registers CallGuard's scripts there.
 */

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
  const added = await addUserSite(browser.storage.local, pattern);
  if (await asking) return true;
  if (added) await removeUserSite(browser.storage.local, pattern);
  return false;
}
