import type { CallMemory } from './call-memory';
import type { ConferenceSite } from './policy/types';
import type { FrameSignals, Report } from './types';

/**
 * Every key CallGuard keeps in extension storage, and what it holds: the one place each is
 * spelled. Session storage lives only as long as the browser session (nothing about a call
 * outlives it); local storage holds the user's own settings.
 */
export const STORAGE = {
  /** storage.session: the current report of a tab (docs/report-format.md); what the popup, side panel and tests read. */
  report: (tabId: number) => `report:${tabId}`,
  /** storage.session: the latest signals of each frame of a tab, by frame id. */
  frames: (tabId: number) => `frames:${tabId}`,
  /** storage.session: what the tab's current call has shown so far (core/call-memory.ts). */
  call: (tabId: number) => `call:${tabId}`,
  /** storage.session: "This call is sensitive" for the tab's current call (its address). */
  sensitive: (tabId: number) => `sensitive:${tabId}`,
  /** storage.local: the user's own settings (the options page), before the organisation's. */
  userSettings: 'userSettings',
} as const;

/** The shapes under the session keys above. */
export interface SessionValues {
  report: Report;
  frames: Record<number, FrameSignals>;
  call: CallMemory;
  /** The call the user marked sensitive (its address without query or fragment). */
  sensitive: string;
}

/** The tab a session key belongs to, or null for a key that is not per tab. */
export function tabOfKey(key: string): number | null {
  const match = /^(report|frames|call|sensitive):(\d+)$/.exec(key);
  return match ? Number(match[2]) : null;
}

/** The part of a storage area (storage.local, storage.session) this module uses. */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The user's own settings as stored (the options page writes them; the policy validates them). */
export async function readUserSettings(local: StorageAreaLike): Promise<Record<string, unknown>> {
  const stored = (await local.get(STORAGE.userSettings))[STORAGE.userSettings];
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
}

export async function writeUserSettings(local: StorageAreaLike, settings: Record<string, unknown>): Promise<void> {
  await local.set({ [STORAGE.userSettings]: settings });
}

/** The conference sites the user added, not the organisation's. */
export async function userSites(local: StorageAreaLike): Promise<ConferenceSite[]> {
  const sites = (await readUserSettings(local)).conferenceSites;
  return Array.isArray(sites) ? (sites as ConferenceSite[]) : [];
}

/** Adds `{pattern, platform: 'webrtc'}` to the user's settings, once, keeping every other setting. */
export async function addUserSite(local: StorageAreaLike, pattern: string): Promise<boolean> {
  const settings = await readUserSettings(local);
  const sites = await userSites(local);
  if (sites.some((site) => site?.pattern === pattern)) return false;
  await writeUserSettings(local, { ...settings, conferenceSites: [...sites, { pattern, platform: 'webrtc' }] });
  return true;
}

/** Takes a site out of the user's settings again. */
export async function removeUserSite(local: StorageAreaLike, pattern: string): Promise<void> {
  const settings = await readUserSettings(local);
  if (!Array.isArray(settings.conferenceSites)) return;
  const sites = (settings.conferenceSites as ConferenceSite[]).filter((site) => site?.pattern !== pattern);
  await writeUserSettings(local, { ...settings, conferenceSites: sites });
}
