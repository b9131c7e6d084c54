import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '../../core/messages';
import { updateBadge } from './badge';
import { createPolicyStore } from './policy-store';
import { createSiteScripts } from './sites';
import { createTabReports } from './tab-reports';
import { startNetworkFacts } from './network-facts';
import { platformForUrl } from '../../core/platforms/index';

/** Thin wiring: policy, per-tab reports, badge, messages. */
export default defineBackground(() => {
  const policy = createPolicyStore();
  const reports = createTabReports(policy, updateBadge);
  policy.onChange(() => void reports.reassessAll());
  // Firefox only (no-op in Chromium): the site's TLS certificate chain and captive-portal state.
  startNetworkFacts(reports, (url) => platformForUrl(new URL(url), policy.get().policy.conferenceSites) !== null);
  createSiteScripts(policy);

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = raw as ExtensionMessage;
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'frame-signals':
        if (tabId !== undefined && sender.tab?.url) {
          void reports.update(tabId, sender.frameId ?? 0, sender.tab.url, message.signals);
        }
        return;
      case 'recheck':
        void reports.recheck(message.tabId ?? tabId);
        return;
      case 'open-details':
        if (tabId !== undefined) void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
        return;
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void reports.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new top-level page: the old frames' signals no longer describe this tab.
    if (change.status === 'loading' && change.url) void reports.forget(tabId);
  });
});
