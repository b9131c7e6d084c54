import { browser } from 'wxt/browser';
import { assess } from '../../core/assess';
import type { ExtensionMessage } from '../../core/messages';
import { platformForUrl } from '../../core/platforms/index';
import type { BrowserNetworkFacts, FrameSignals, Report } from '../../core/types';
import type { PolicyStore } from './policy-store';

type Frames = Record<number, FrameSignals>;
const framesKey = (tabId: number) => `frames:${tabId}`;
export const reportKey = (tabId: number) => `report:${tabId}`;

/**
 * Per-tab state: the latest signals of each frame, and the report assessed from them. Both live
 * in storage.session, so a service-worker restart mid-call loses nothing and the browser's end
 * clears everything.
 */
export function createTabReports(policy: PolicyStore, onReport: (tabId: number, report: Report | null) => Promise<void>) {
  const tabs = new Map<number, { url: string; frames: Frames }>();
  const network = new Map<number, BrowserNetworkFacts>();

  const load = async (tabId: number, url: string) => {
    let tab = tabs.get(tabId);
    if (!tab) {
      const stored = (await browser.storage.session.get(framesKey(tabId)))[framesKey(tabId)] as Frames | undefined;
      tab = { url, frames: stored ?? {} };
      tabs.set(tabId, tab);
    }
    tab.url = url;
    return tab;
  };

  const reassess = async (tabId: number) => {
    const tab = tabs.get(tabId);
    if (!tab) return;
    await policy.ready;
    const effective = policy.get().policy;
    const report = assess({
      url: tab.url,
      platform: safePlatform(tab.url, effective.conferenceSites),
      frames: Object.values(tab.frames),
      policy: effective,
      browserNetwork: network.get(tabId),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
      now: new Date(),
    });
    const { banner, acknowledgeDanger, supportMessage, supportUrl } = effective;
    const message: ExtensionMessage = { type: 'report', report, settings: { banner, acknowledgeDanger, supportMessage, supportUrl } };
    // The page first: its banner must not wait for storage and the toolbar icon (npm run bench:
    // waiting for them tripled the time from joining a call to the banner).
    browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => {});
    await browser.storage.session.set({ [reportKey(tabId)]: report, [framesKey(tabId)]: tab.frames });
    await onReport(tabId, report);
  };

  return {
    async update(tabId: number, frameId: number, url: string, signals: FrameSignals) {
      const tab = await load(tabId, url);
      tab.frames[frameId] = signals;
      await reassess(tabId);
    },
    setNetworkFacts(tabId: number, facts: BrowserNetworkFacts) {
      network.set(tabId, facts);
      return reassess(tabId);
    },
    async reassessAll() {
      await Promise.all([...tabs.keys()].map(reassess));
    },
    async recheck(tabId: number | undefined) {
      if (tabId === undefined) return;
      await browser.tabs.sendMessage(tabId, { type: 'recheck' } satisfies ExtensionMessage).catch(() => {});
    },
    async forget(tabId: number) {
      tabs.delete(tabId);
      network.delete(tabId);
      await browser.storage.session.remove([reportKey(tabId), framesKey(tabId)]);
      await onReport(tabId, null);
    },
  };
}

function safePlatform(url: string, extraSites: Parameters<typeof platformForUrl>[1]) {
  try {
    return platformForUrl(new URL(url), extraSites);
  } catch {
    return null;
  }
}
