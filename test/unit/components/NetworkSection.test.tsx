// @vitest-environment happy-dom
// The popup's network section in English: what it says in each browser and state.
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NetworkSection } from '../../../components/NetworkSection';
import { networkReport } from '../../../core/network/report';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { BrowserNetworkFacts, ConnectionStats, NetworkReport } from '../../../core/types';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const EN = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as Record<string, Entry>;

/** chrome.i18n.getMessage over the real English messages ('' for a missing key, as the browser). */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = EN[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1].content;
    return content ? content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') : whole;
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as never;
});
afterEach(cleanup);

function network(stats: ConnectionStats | null, browser: BrowserNetworkFacts = {}, over: Partial<typeof DEFAULT_POLICY> = {}): NetworkReport {
  const connections = stats ? [{ id: 'pc1', state: 'connected', senders: [{ kind: 'audio' as const, live: true, transformed: false }], receivers: [], stats }] : [];
  return networkReport(connections, { ...DEFAULT_POLICY, ...over }, browser, 'Asia/Singapore');
}
function fields(report: NetworkReport): Record<string, string> {
  const { container } = render(<NetworkSection network={report} />);
  const out: Record<string, string> = {};
  for (const el of container.querySelectorAll('[data-field]')) out[el.getAttribute('data-field')!] = el.textContent!;
  out.reach = container.querySelector('.reach')?.textContent ?? '';
  out.heading = container.querySelector('h2')?.textContent ?? '';
  return out;
}

describe('network section', () => {
  it('Chromium, outside the trusted networks: address, type, "not checked in this browser", reach', () => {
    const shown = fields(network({ localCandidateType: 'srflx', publicAddress: '198.51.100.7', networkType: 'wifi' }, {}, { trustedNetworks: ['203.0.113.0/24'] }));
    expect(shown).toMatchObject({
      heading: "This computer's connection",
      'public-address': '198.51.100.7',
      trusted: "no, outside your organisation's trusted networks",
      'network-type': 'Wi-Fi',
      tls: 'not checked in this browser',
      'captive-portal': 'not checked in this browser',
      'time-zone': 'Asia/Singapore',
    });
    expect(shown['network-reason']).toMatch(/outside the trusted networks/);
    expect(shown.reach).toBe(EN.popup_reach!.message);
    expect(shown.relay).toBeUndefined();
  });

  it('inside; relayed over TCP; an unknown network type shown as the browser names it', () => {
    const shown = fields(network({ localCandidateType: 'relay', publicAddress: '203.0.113.7', relayProtocol: 'tcp', networkType: 'satellite' }, {}, { trustedNetworks: ['203.0.113.0/24'] }));
    expect(shown.trusted).toBe("yes, inside your organisation's trusted networks");
    expect(shown.relay).toBe('TCP');
    expect(shown['network-type']).toBe('satellite');
  });

  it('nothing seen yet: dashes and "not decided"', () => {
    const shown = fields(network(null));
    expect(shown['public-address']).toBe('—');
    expect(shown.trusted).toBe('not decided (the reason is above)');
    expect(shown['network-type']).toBe('not shown by this browser');
  });

  const ROOT = 'ab'.repeat(32);
  it.each<[string, BrowserNetworkFacts, Partial<typeof DEFAULT_POLICY>, RegExp, RegExp]>([
    [
      'Firefox, a built-in root, no portal',
      { tls: { checked: true, host: 'meet.google.com', rootIsBuiltIn: true, rootSubject: 'CN=GTS Root R1', rootFingerprint: ROOT }, captivePortal: 'not_captive' },
      {},
      /^issued under CN=GTS Root R1, a root built into the browser$/,
      /^none detected$/,
    ],
    [
      'Firefox, a root not built in, a locked portal',
      { tls: { checked: true, host: 'meet.google.com', rootIsBuiltIn: false, rootSubject: 'CN=Evil CA', rootFingerprint: ROOT }, captivePortal: 'locked_portal' },
      {},
      /^chains to CN=Evil CA, a root that is NOT built into the browser/,
      /not logged in yet/,
    ],
    [
      "Firefox, the organisation's inspection root, a logged-in portal",
      { tls: { checked: true, host: 'meet.google.com', rootIsBuiltIn: false, rootSubject: 'CN=Corp CA', rootFingerprint: ROOT }, captivePortal: 'unlocked_portal' },
      { trustedInterceptionRoots: [ROOT] },
      /^chains to CN=Corp CA, your organisation's TLS-inspection root$/,
      /^yes, logged in/,
    ],
    [
      'Firefox, a page not checked, detection switched off',
      { tls: { checked: false, host: 'meet.google.com' }, captivePortal: 'unsupported' },
      {},
      /^not checked for this page$/,
      /^detection is switched off in this browser$/,
    ],
    [
      'Firefox, a certificate exception, portal state not known yet',
      { tls: { checked: false, host: 'meet.jit.si', untrusted: true }, captivePortal: 'unknown' },
      {},
      /^not trusted by the browser: the certificate was accepted through an exception/,
      /^not known yet$/,
    ],
  ])('%s', (_name, browser, over, tls, captive) => {
    const shown = fields(network(null, browser, over));
    expect(shown.tls).toMatch(tls);
    expect(shown['captive-portal']).toMatch(captive);
  });
});
