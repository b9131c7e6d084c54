// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBannerHost } from '../../../../entrypoints/call/banner-host';
import { useLocale } from '../../support/locale';
import { DIAL_IN, settings } from '../../support/reports';

useLocale('en');
// A shown banner puts itself back when the page removes it: hide the ones a test left shown.
const hosts: ReturnType<typeof createBannerHost>[] = [];
const create = () => {
  const host = createBannerHost(document, { onDismiss: vi.fn(), onDetails: vi.fn(), onExpand: vi.fn(), onJoin: vi.fn() });
  hosts.push(host);
  return host;
};
afterEach(() => {
  for (const host of hosts.splice(0)) host.hide();
  document.querySelectorAll('callguard-banner').forEach((el) => el.remove());
});

describe('banner host', () => {
  it('mounts the banner in a closed shadow root the page cannot reach, with its own styles', () => {
    const host = create();
    host.show({ report: DIAL_IN, settings: settings(), view: 'full', join: 'none' });
    const element = document.querySelector('callguard-banner')!;
    expect(element).not.toBeNull();
    expect(element.shadowRoot).toBeNull();
    // Nothing of the banner is in the page's own DOM.
    expect(document.body.textContent).not.toContain('not private');
    expect(document.querySelector('[role="status"]')).toBeNull();
  });

  it('hides and comes back', () => {
    const host = create();
    host.show({ report: DIAL_IN, settings: settings(), view: 'full', join: 'none' });
    host.hide();
    expect(document.querySelector('callguard-banner')).toBeNull();
    host.show({ report: DIAL_IN, settings: settings(), view: 'full', join: 'none' });
    expect(document.querySelector('callguard-banner')).not.toBeNull();
    expect(host.isShownButDetached()).toBe(false);
  });
});
