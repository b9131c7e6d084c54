import { browser } from 'wxt/browser';
import { assess } from '../../core/assess';
import { joinNeedsConfirmation } from '../../core/banner';
import { callOf, rememberCall, type CallMemory } from '../../core/call-memory';
import type { ExtensionMessage } from '../../core/messages';
import { platformForUrl } from '../../core/platforms/index';
import { supportMessageIn } from '../../core/policy/effective';
import { withStatsSummarized } from '../../core/rtc/summarize';
import { STORAGE } from '../../core/storage';
import type { BrowserNetworkFacts, FrameSignals, Report } from '../../core/types';
import type { PolicyStore } from './policy-store';

type Frames = Record<number, FrameSignals>;
interface TabState {
  url: string;
  frames: Frames;
  call: CallMemory | null;
  /** The call the user marked "sensitive" (its address): E2EE is required for it. */
  sensitive: string | null;
}

/**
 * Per-tab state: the latest signals of each frame, the memory of the tab's current call, and
 * the report assessed from them. All of it lives in storage.session, so a service-worker restart
 * mid-call loses nothing and the browser's end clears everything.
 */
export function createTabReports(policy: PolicyStore, onReport: (tabId: number, report: Report | null) => Promise<void>) {
  const tabs = new Map<number, TabState>();
  const network = new Map<number, BrowserNetworkFacts>();
  // One reassessment at a time per tab: each one reads and writes the call's memory.
  const queues = new Map<number, Promise<void>>();

  const load = async (tabId: number, url: string): Promise<TabState> => {
    let tab = tabs.get(tabId);
    if (!tab) {
      const stored = await browser.storage.session.get([STORAGE.frames(tabId), STORAGE.call(tabId), STORAGE.sensitive(tabId)]);
      tab = {
        url,
        frames: (stored[STORAGE.frames(tabId)] as Frames | undefined) ?? {},
        call: (stored[STORAGE.call(tabId)] as CallMemory | undefined) ?? null,
        sensitive: (stored[STORAGE.sensitive(tabId)] as string | undefined) ?? null,
      };
      tabs.set(tabId, tab);
    }
    tab.url = url;
    return tab;
  };

  const reassessNow = async (tabId: number) => {
    const tab = tabs.get(tabId);
    if (!tab) return;
    await policy.ready;
    // "This call is sensitive" requires E2EE for this call only: until the tab shows another call.
    const sensitive = tab.sensitive === callOf(tab.url);
    const effective = sensitive ? { ...policy.get().policy, requireE2EE: true } : policy.get().policy;
    const now = assess({
      url: tab.url,
      platform: safePlatform(tab.url, effective.conferenceSites),
      frames: Object.values(tab.frames),
      policy: effective,
      browserNetwork: network.get(tabId),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
      now: new Date(),
      policyPending: !policy.organisationKnown(),
    });
    const remembered = rememberCall(tab.call, now);
    tab.call = remembered.memory;
    const { memory } = remembered;
    const report: Report = { ...remembered.report, sensitive };
    const { banner, acknowledgeDanger, supportMessage, supportUrl, confirmBeforeJoin } = effective;
    const settings = {
      banner,
      acknowledgeDanger,
      supportUrl,
      supportMessage: supportMessageIn(supportMessage, browser.i18n.getUILanguage()),
      confirmJoin: joinNeedsConfirmation(report, confirmBeforeJoin),
    };
    // The page first: its banner must not wait for storage and the toolbar icon (npm run bench:
    // waiting for them tripled the time from joining a call to the banner). Every frame: the
    // top one shows the banner, the one with the join button holds it (confirmBeforeJoin).
    browser.tabs.sendMessage(tabId, { type: 'report', report, settings } satisfies ExtensionMessage).catch(() => {});
    await browser.storage.session.set({ [STORAGE.report(tabId)]: report, [STORAGE.frames(tabId)]: tab.frames });
    if (memory) await browser.storage.session.set({ [STORAGE.call(tabId)]: memory });
    else await browser.storage.session.remove(STORAGE.call(tabId));
    await onReport(tabId, report);
  };
  const reassess = (tabId: number) => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(() => reassessNow(tabId)).catch((error: unknown) => console.warn('CallGuard: could not assess tab', tabId, error));
    queues.set(tabId, next);
    return next;
  };

  return {
    async update(tabId: number, frameId: number, url: string, signals: FrameSignals) {
      const tab = await load(tabId, url);
      tab.frames[frameId] = withStatsSummarized(signals);
      await reassess(tabId);
    },
    setNetworkFacts(tabId: number, facts: BrowserNetworkFacts) {
      network.set(tabId, facts);
      return reassess(tabId);
    },
    async reassessAll() {
      await Promise.all([...tabs.keys()].map(reassess));
    },
    /** "This call is sensitive", for the call the tab shows now (or no longer). */
    async setSensitive(tabId: number, on: boolean) {
      const tab = tabs.get(tabId);
      if (!tab) return;
      tab.sensitive = on ? callOf(tab.url) : null;
      if (tab.sensitive) await browser.storage.session.set({ [STORAGE.sensitive(tabId)]: tab.sensitive });
      else await browser.storage.session.remove(STORAGE.sensitive(tabId));
      await reassess(tabId);
    },
    async recheck(tabId: number | undefined) {
      if (tabId === undefined) return;
      await browser.tabs.sendMessage(tabId, { type: 'recheck' } satisfies ExtensionMessage).catch(() => {});
    },
    /**
     * A new page in the tab: the old frames and their report no longer describe it. The call's
     * memory stays: the next report decides whether this is still the same call.
     */
    async navigated(tabId: number, url: string) {
      const tab = tabs.get(tabId);
      if (tab) {
        tab.frames = {};
        tab.url = url;
      }
      await browser.storage.session.remove([STORAGE.frames(tabId), STORAGE.report(tabId)]);
      await onReport(tabId, null);
    },
    async forget(tabId: number) {
      tabs.delete(tabId);
      network.delete(tabId);
      queues.delete(tabId);
      await browser.storage.session.remove([STORAGE.report(tabId), STORAGE.frames(tabId), STORAGE.call(tabId), STORAGE.sensitive(tabId)]);
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
