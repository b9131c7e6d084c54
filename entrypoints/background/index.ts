import { browser } from 'wxt/browser';
import { route, type ExtensionMessage } from '../../core/messages';
import { platformForUrl } from '../../core/platforms/index';
import { updateBadge } from './badge';
import { openDetails } from './details';
import { startNetworkFacts } from './network-facts';
import { createPolicyStore } from './policy-store';
import { createSiteScripts } from './sites';
import { createTabReports } from './tab-reports';

/** Thin wiring: policy, per-tab reports, badge, messages. */
export default defineBackground(() => {
  const policy = createPolicyStore();
  const reports = createTabReports(policy, updateBadge);
  policy.onChange(() => void reports.reassessAll());
  // Firefox only (no-op in Chromium): the site's TLS certificate chain and captive-portal state.
  startNetworkFacts(reports, (url) => platformForUrl(new URL(url), policy.get().policy.conferenceSites) !== null);
  const sites = createSiteScripts(policy);

  browser.runtime.onMessage.addListener(
    route({
      'frame-signals': ({ signals }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined && sender.tab?.url) void reports.update(tabId, sender.frameId ?? 0, sender.tab.url, signals);
      },
      recheck: ({ tabId }, sender) => void reports.recheck(tabId ?? sender.tab?.id),
      'open-details': (_message, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined) openDetails(tabId);
      },
      // The join button's guard lives in the frame that shows it, the banner in the top frame.
      'join-held': (_message, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined) browser.tabs.sendMessage(tabId, { type: 'join-held' } satisfies ExtensionMessage, { frameId: 0 }).catch(() => {});
      },
      'join-confirmed': (_message, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined) browser.tabs.sendMessage(tabId, { type: 'join-confirmed' } satisfies ExtensionMessage).catch(() => {});
      },
      'set-sensitive': ({ tabId, sensitive }) => void reports.setSensitive(tabId, sensitive),
      'conference-sites': () => sites.conferenceSites(),
    }),
  );
  browser.tabs.onRemoved.addListener((tabId) => void reports.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void reports.navigated(tabId, change.url);
  });
});
