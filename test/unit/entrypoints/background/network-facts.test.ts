// The Firefox-only background module, against a fake of the WebExtension APIs it uses.
import { describe, expect, it, vi } from 'vitest';
import { startNetworkFacts, type NetworkFactsApi } from '../../../../entrypoints/background/network-facts';
import type { SecurityInfoLike } from '../../../../core/network/tls';
import type { BrowserNetworkFacts } from '../../../../core/types';

type Fn = (...args: any[]) => any;
function event<F extends Fn>() {
  const listeners: { fn: F; rest: unknown[] }[] = [];
  return {
    listeners,
    addListener: vi.fn((fn: F, ...rest: unknown[]) => void listeners.push({ fn, rest })),
    fire: (...args: Parameters<F>) => listeners.map((l) => l.fn(...args)),
  };
}

const GTS = { subject: 'CN=GTS Root R1', fingerprint: { sha256: 'AA:'.repeat(31) + 'AA' }, isBuiltInRoot: true };
const CORP = { subject: 'CN=Corp Inspection CA', fingerprint: { sha256: 'BB:'.repeat(31) + 'BB' }, isBuiltInRoot: false };
const chain = (root: typeof GTS): SecurityInfoLike => ({ state: 'secure', certificates: [{ subject: 'CN=leaf', isBuiltInRoot: false }, root] });

function fakeFirefox(opts: { captive?: () => Promise<string>; stored?: Record<string, unknown>; withCaptive?: boolean; withTls?: boolean } = {}) {
  const security = new Map<string, SecurityInfoLike>();
  const session: Record<string, unknown> = { ...opts.stored };
  const onHeadersReceived = event<(d: { requestId: string; tabId: number; url: string; type: string }) => unknown>();
  const onStateChanged = event<(d: { state: string }) => void>();
  const onUpdated = event<(tabId: number, change: { status?: string; url?: string }, tab: object) => void>();
  const onRemoved = event<(tabId: number) => void>();
  const api = {
    ...(opts.withTls === false
      ? {}
      : {
          webRequest: {
            onHeadersReceived,
            getSecurityInfo: vi.fn(async (requestId: string, _options: object) => {
              const info = security.get(requestId);
              if (!info) throw new Error('no such request');
              return info;
            }),
          },
        }),
    ...(opts.withCaptive === false
      ? {}
      : { captivePortal: { getState: vi.fn(opts.captive ?? (async () => 'not_captive')), onStateChanged } }),
    tabs: { query: vi.fn(async () => [{ id: 1 }, { id: 2 }]), onUpdated, onRemoved },
    storage: {
      session: {
        get: vi.fn(async () => ({ ...session })),
        set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(session, items)),
        remove: vi.fn(async (key: string) => void delete session[key]),
      },
    },
  };
  const sent: [number, BrowserNetworkFacts][] = [];
  const sink = { setNetworkFacts: vi.fn((tabId: number, facts: BrowserNetworkFacts) => void sent.push([tabId, facts])) };
  let nextId = 1;
  const respond = async (tabId: number, url: string, type: string, info: SecurityInfoLike | null) => {
    const requestId = String(nextId++);
    if (info) security.set(requestId, info);
    const [result] = onHeadersReceived.fire({ requestId, tabId, url, type });
    return result === undefined ? undefined : await result;
  };
  return { api: api as unknown as NetworkFactsApi & typeof api, sink, sent, session, respond, onStateChanged, onUpdated, onRemoved, onHeadersReceived };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const isConference = (url: string) => new URL(url).hostname === 'meet.google.com' || new URL(url).hostname === 'meet.jit.si';
const lastFor = (sent: [number, BrowserNetworkFacts][], tabId: number) => sent.filter(([id]) => id === tabId).at(-1)?.[1];

describe('network facts (Firefox background)', () => {
  it('Chromium (neither API): a no-op that registers nothing', () => {
    const fake = fakeFirefox({ withCaptive: false, withTls: false });
    expect(startNetworkFacts(fake.sink, isConference, fake.api)).toBeNull();
    expect(fake.api.tabs.onUpdated.addListener).not.toHaveBeenCalled();
  });

  it('listens to pages and frames, blocking, so getSecurityInfo may be called', () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    expect(fake.onHeadersReceived.listeners[0]!.rest).toEqual([{ urls: ['<all_urls>'], types: ['main_frame', 'sub_frame'] }, ['blocking']]);
  });

  it('a conference page: its chain goes to the tab report, with the captive-portal state', async () => {
    const fake = fakeFirefox();
    const facts = startNetworkFacts(fake.sink, isConference, fake.api)!;
    await facts.ready;
    expect(await fake.respond(7, 'https://meet.google.com:8443/abc-defg-hij', 'main_frame', chain(CORP))).toEqual({});
    expect(fake.api.webRequest!.getSecurityInfo).toHaveBeenCalledWith('1', { certificateChain: true });
    await tick();
    expect(lastFor(fake.sent, 7)).toEqual({
      tls: { checked: true, host: 'meet.google.com', rootFingerprint: 'bb'.repeat(32), rootIsBuiltIn: false, rootSubject: 'CN=Corp Inspection CA' },
      captivePortal: 'not_captive',
    });
    expect(fake.session['netfacts:7']).toBeDefined();
  });

  it('other sites, tabless requests and other types are not looked at', async () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    expect(await fake.respond(7, 'https://www.example.org/', 'main_frame', chain(CORP))).toBeUndefined();
    expect(await fake.respond(-1, 'https://meet.google.com/', 'main_frame', chain(CORP))).toBeUndefined();
    expect(await fake.respond(7, 'https://meet.google.com/x.js', 'script', chain(CORP))).toBeUndefined();
    expect(fake.api.webRequest!.getSecurityInfo).not.toHaveBeenCalled();
  });

  it('a frame with a locally added root wins over a built-in page root; the next page starts afresh', async () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    await fake.respond(3, 'https://meet.google.com/abc', 'main_frame', chain(GTS));
    await fake.respond(3, 'https://meet.jit.si/embedded', 'sub_frame', chain(CORP));
    await fake.respond(3, 'https://meet.jit.si/other', 'sub_frame', chain(GTS));
    await tick();
    expect(lastFor(fake.sent, 3)?.tls).toMatchObject({ host: 'meet.jit.si', rootIsBuiltIn: false });
    await fake.respond(3, 'https://meet.google.com/def', 'main_frame', chain(GTS));
    await tick();
    expect(lastFor(fake.sent, 3)?.tls).toMatchObject({ host: 'meet.google.com', rootIsBuiltIn: true });
  });

  it('a failed getSecurityInfo lets the request go on and records nothing', async () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    expect(await fake.respond(4, 'https://meet.google.com/abc', 'main_frame', null)).toEqual({});
    await tick();
    expect(lastFor(fake.sent, 4)?.tls).toBeUndefined();
  });

  it('plain HTTP: recorded as not checked', async () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    await fake.respond(4, 'http://meet.google.com/abc', 'main_frame', { state: 'insecure' });
    await tick();
    expect(lastFor(fake.sent, 4)?.tls).toEqual({ checked: false, host: 'meet.google.com' });
  });

  it('after a navigation the facts go back to the (new) report; another site drops them', async () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    await fake.respond(5, 'https://meet.google.com/abc', 'main_frame', chain(CORP));
    await tick();
    fake.sent.length = 0;
    fake.onUpdated.fire(5, { status: 'loading', url: 'https://meet.google.com/abc' }, {});
    await tick();
    expect(lastFor(fake.sent, 5)?.tls?.rootIsBuiltIn).toBe(false);
    fake.onUpdated.fire(5, { status: 'loading', url: 'https://www.example.org/' }, {});
    await tick();
    expect(lastFor(fake.sent, 5)?.tls).toBeUndefined();
    expect(fake.session['netfacts:5']).toBeUndefined();
  });

  it('pushes at most once per tab per turn', async () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    fake.onUpdated.fire(6, { status: 'loading', url: 'https://meet.google.com/a' }, {});
    fake.onUpdated.fire(6, { status: 'complete' }, {});
    await tick();
    expect(fake.sent.filter(([id]) => id === 6)).toHaveLength(1);
  });

  it('a closed tab is forgotten', async () => {
    const fake = fakeFirefox();
    startNetworkFacts(fake.sink, isConference, fake.api);
    await fake.respond(8, 'https://meet.google.com/abc', 'main_frame', chain(CORP));
    fake.onRemoved.fire(8);
    await tick();
    expect(fake.session['netfacts:8']).toBeUndefined();
  });

  it('captive portal: the state at start, then every change, to every tab', async () => {
    const fake = fakeFirefox({ captive: async () => 'not_captive' });
    const facts = startNetworkFacts(fake.sink, isConference, fake.api)!;
    await facts.ready;
    await tick();
    expect(lastFor(fake.sent, 1)).toEqual({ captivePortal: 'not_captive' });
    fake.onStateChanged.fire({ state: 'locked_portal' });
    await tick();
    expect(lastFor(fake.sent, 1)?.captivePortal).toBe('locked_portal');
    expect(lastFor(fake.sent, 2)?.captivePortal).toBe('locked_portal');
    expect(facts.facts(99)).toEqual({ captivePortal: 'locked_portal' });
    fake.onStateChanged.fire({ state: 'something-new' });
    expect(facts.facts(1).captivePortal).toBe('unknown');
  });

  it('captive-portal detection switched off (getState throws): "unsupported", said honestly', async () => {
    const fake = fakeFirefox({
      captive: async () => {
        throw new Error('Captive Portal detection is not enabled');
      },
    });
    const facts = startNetworkFacts(fake.sink, isConference, fake.api)!;
    await facts.ready;
    expect(facts.facts(1)).toEqual({ captivePortal: 'unsupported' });
  });

  it('after the background was unloaded, the stored TLS facts come back', async () => {
    const tls = { checked: true, host: 'meet.google.com', rootIsBuiltIn: false, rootFingerprint: 'bb'.repeat(32) };
    const fake = fakeFirefox({ stored: { 'netfacts:9': { main: tls }, 'report:9': { version: 1 } } });
    const facts = startNetworkFacts(fake.sink, isConference, fake.api)!;
    await facts.ready;
    await tick();
    expect(facts.facts(9).tls).toEqual(tls);
    expect(lastFor(fake.sent, 9)?.tls).toEqual(tls);
  });
});
