import { browser } from 'wxt/browser';
import { tlsFactsFromSecurityInfo, worseTls, type SecurityInfoLike, type TlsFacts } from '../../core/network/tls';
import type { BrowserNetworkFacts } from '../../core/types';

/**
 * Browser-level network facts, Firefox only (feature-detected; a no-op in Chromium, which has
 * neither API):
 * - the conference site's TLS certificate chain, read with webRequest.getSecurityInfo inside a
 *   blocking onHeadersReceived listener for the page and its frames: is its root built into the
 *   browser, or added locally (a TLS-inspection proxy, antivirus, an attacker)?
 * - the browser's captive-portal state (hotel/airport Wi-Fi), from captivePortal.
 * Each tab's facts go to the tab's report through setNetworkFacts, again after every navigation
 * of the tab (the report forgets them when a new page starts loading). TLS facts are kept in
 * storage.session so an idle background that Firefox unloads forgets no danger.
 */

type Listener<F> = { addListener(callback: F, ...rest: unknown[]): void };
interface HeadersDetails {
  requestId: string;
  tabId: number;
  url: string;
  type: string;
}
interface TabLike {
  id?: number;
  url?: string;
}
export type CaptiveState = NonNullable<BrowserNetworkFacts['captivePortal']>;

/** The slice of the WebExtension API this module uses (Firefox's shape). */
export interface NetworkFactsApi {
  webRequest?: {
    onHeadersReceived?: Listener<(details: HeadersDetails) => unknown>;
    getSecurityInfo?: (requestId: string, options: { certificateChain?: boolean }) => Promise<SecurityInfoLike>;
  };
  captivePortal?: {
    getState?: () => Promise<string>;
    onStateChanged?: Listener<(details: { state: string }) => void>;
  };
  tabs: {
    query(query: object): Promise<TabLike[]>;
    onUpdated: Listener<(tabId: number, change: { status?: string; url?: string }, tab: TabLike) => void>;
    onRemoved: Listener<(tabId: number) => void>;
  };
  storage: {
    session: {
      get(keys: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
  };
}

export interface NetworkFactsSink {
  setNetworkFacts(tabId: number, facts: BrowserNetworkFacts): unknown;
}

interface TabTls {
  /** The top-level document's response. */
  main?: TlsFacts;
  /** The worst of the tab's frames' responses. */
  frames?: TlsFacts;
}

const CAPTIVE_STATES = new Set<CaptiveState>(['unknown', 'not_captive', 'unlocked_portal', 'locked_portal']);
const storageKey = (tabId: number) => `netfacts:${tabId}`;

export interface NetworkFacts {
  /** What is known now for a tab. */
  facts(tabId: number): BrowserNetworkFacts;
  /** Settles when the stored facts were read back and the captive-portal state was asked. */
  ready: Promise<void>;
}

/**
 * Starts listening (synchronously, so Firefox can wake the background for these events).
 * `isConferenceUrl` decides which responses are worth a look: CallGuard's sites and the ones
 * the user or organisation added. Returns null where the browser has neither API (Chromium).
 */
export function startNetworkFacts(
  sink: NetworkFactsSink,
  isConferenceUrl: (url: string) => boolean,
  api: NetworkFactsApi = browser as unknown as NetworkFactsApi,
): NetworkFacts | null {
  const webRequest = api.webRequest;
  const canReadTls = typeof webRequest?.getSecurityInfo === 'function' && !!webRequest.onHeadersReceived;
  const canReadCaptive = typeof api.captivePortal?.getState === 'function';
  if (!canReadTls && !canReadCaptive) return null;

  const tlsByTab = new Map<number, TabTls>();
  let captive: CaptiveState | undefined = canReadCaptive ? 'unknown' : undefined;
  const pending = new Set<number>();

  const facts = (tabId: number): BrowserNetworkFacts => {
    const entry = tlsByTab.get(tabId);
    const tls = worseTls(entry?.main, entry?.frames);
    return { ...(tls ? { tls } : {}), ...(captive ? { captivePortal: captive } : {}) };
  };
  // After the current event has run its course: the report forgets a tab's facts when a page
  // starts loading (another listener of the same event), and they must come back after that.
  const push = (tabId: number) => {
    if (pending.has(tabId)) return;
    pending.add(tabId);
    setTimeout(() => {
      pending.delete(tabId);
      void Promise.resolve(sink.setNetworkFacts(tabId, facts(tabId))).catch(() => {});
    }, 0);
  };
  const pushAll = async () => {
    const tabs = await api.tabs.query({}).catch(() => [] as TabLike[]);
    for (const tab of tabs) if (tab.id !== undefined) push(tab.id);
  };
  const save = (tabId: number) => {
    const entry = tlsByTab.get(tabId);
    const write = entry ? api.storage.session.set({ [storageKey(tabId)]: entry }) : api.storage.session.remove(storageKey(tabId));
    void write.catch(() => {});
  };

  // TLS: the certificate chain of the conference page and its frames.
  if (canReadTls) {
    const onHeaders = (details: HeadersDetails): Promise<object> | undefined => {
      if (details.tabId < 0 || (details.type !== 'main_frame' && details.type !== 'sub_frame')) return undefined;
      if (!safe(() => isConferenceUrl(details.url), false)) return undefined;
      const host = hostOf(details.url);
      // Only inside this listener, and only with "blocking": the request waits for the answer.
      let asked: Promise<SecurityInfoLike>;
      try {
        asked = webRequest!.getSecurityInfo!(details.requestId, { certificateChain: true });
      } catch {
        return undefined;
      }
      return asked.then(
        (info) => {
          const tls = tlsFactsFromSecurityInfo(info, host);
          const entry = details.type === 'main_frame' ? { main: tls } : { ...tlsByTab.get(details.tabId), frames: worseTls(tlsByTab.get(details.tabId)?.frames, tls) };
          tlsByTab.set(details.tabId, entry);
          save(details.tabId);
          push(details.tabId);
          return {};
        },
        () => ({}),
      );
    };
    try {
      webRequest!.onHeadersReceived!.addListener(onHeaders, { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame'] }, ['blocking']);
    } catch (error) {
      console.warn('CallGuard: cannot watch TLS certificates', error);
    }
  }

  // Captive portal: Firefox throws when its detection is switched off
  // (network.captive-portal-service.enabled = false): say so instead of guessing.
  const setCaptive = (next: CaptiveState) => {
    if (next === captive) return;
    captive = next;
    void pushAll();
  };
  const parseCaptive = (state: unknown): CaptiveState =>
    typeof state === 'string' && CAPTIVE_STATES.has(state as CaptiveState) ? (state as CaptiveState) : 'unknown';
  const askCaptive = async () => {
    if (!canReadCaptive) return;
    try {
      setCaptive(parseCaptive(await api.captivePortal!.getState!()));
    } catch {
      setCaptive('unsupported');
    }
  };
  if (canReadCaptive) {
    try {
      api.captivePortal!.onStateChanged?.addListener((details) => setCaptive(parseCaptive(details?.state)));
    } catch {
      // getState() tells the same story.
    }
  }

  // Every navigation: facts of another site are dropped; the rest go back to the new report.
  api.tabs.onUpdated.addListener((tabId, change) => {
    const entry = tlsByTab.get(tabId);
    if (change.url && entry?.main && entry.main.host !== hostOf(change.url)) {
      tlsByTab.delete(tabId);
      save(tabId);
    }
    if (change.status || change.url) push(tabId);
  });
  api.tabs.onRemoved.addListener((tabId) => {
    tlsByTab.delete(tabId);
    void api.storage.session.remove(storageKey(tabId)).catch(() => {});
  });

  // After an unload of the background: read back what was known, and ask for the portal state.
  const restore = async () => {
    const stored = await api.storage.session.get(null).catch(() => ({}) as Record<string, unknown>);
    for (const [key, value] of Object.entries(stored)) {
      const tabId = Number(key.startsWith('netfacts:') ? key.slice('netfacts:'.length) : NaN);
      if (!Number.isInteger(tabId) || !value || typeof value !== 'object' || tlsByTab.has(tabId)) continue;
      tlsByTab.set(tabId, value as TabTls);
      push(tabId);
    }
  };
  const ready = Promise.all([restore(), askCaptive()]).then(() => pushAll());

  return { facts, ready };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
