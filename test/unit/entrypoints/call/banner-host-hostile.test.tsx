// @vitest-environment happy-dom
// The banner host against a page that tries to get rid of it (issue 9). Real-browser checks of
// the CSS side are in test/e2e/hostile.test.ts; happy-dom has no cascade, so these cover the DOM.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBannerHost } from '../../../../entrypoints/call/banner-host';
import { useLocale } from '../../support/locale';
import { DIAL_IN, settings } from '../../support/reports';

useLocale('en');
const hosts: ReturnType<typeof createBannerHost>[] = [];
const shown = () => {
  const host = createBannerHost(document, { onDismiss: vi.fn(), onDetails: vi.fn(), onExpand: vi.fn(), onJoin: vi.fn() });
  hosts.push(host);
  host.show({ report: DIAL_IN, settings: settings(), view: 'full', join: 'none' });
  return host;
};
const element = () => document.querySelector('callguard-banner');
const settle = () => new Promise((r) => setTimeout(r, 0));
afterEach(() => {
  for (const host of hosts.splice(0)) host.hide();
  vi.useRealTimers();
});

describe('banner host on a hostile page', () => {
  it('comes back when the page removes it', async () => {
    shown();
    element()!.remove();
    await settle();
    expect(element()?.parentNode).toBe(document.documentElement);
  });

  it('comes back when the page moves it elsewhere', async () => {
    shown();
    document.body.append(element()!);
    await settle();
    expect(element()?.parentNode).toBe(document.documentElement);
  });

  it('takes off attributes that would hide it or make it inert', async () => {
    shown();
    element()!.setAttribute('hidden', '');
    element()!.setAttribute('inert', '');
    await settle();
    expect(element()!.hasAttribute('hidden')).toBe(false);
    expect(element()!.hasAttribute('inert')).toBe(false);
  });

  it('carries a guard style in its closed shadow root, and all: initial !important inline', () => {
    shown();
    expect((element() as HTMLElement).style.getPropertyPriority('all')).toBe('important');
  });

  it('stays away once the user dismissed it (hide): the page removing nothing brings it back', async () => {
    const host = shown();
    host.hide();
    await settle();
    expect(element()).toBeNull();
  });

  it('a page removing it in a loop cannot hang the page: at most a few restores a second', async () => {
    shown();
    let removals = 0;
    const fight = new MutationObserver(() => {
      const el = element();
      if (el && removals < 1000) {
        removals++;
        el.remove();
      }
    });
    fight.observe(document, { childList: true, subtree: true });
    element()!.remove();
    await settle();
    await settle();
    fight.disconnect();
    expect(removals).toBeLessThanOrEqual(12);
  });
});
