import { browser } from 'wxt/browser';

/**
 * The report beside the call: Chrome and Edge's side panel for that tab, so the user never
 * leaves the call. Where there is none, or the browser refuses (Firefox opens its sidebar only
 * from a click in the extension's own pages: the popup's button does), a tab next to the call.
 */
export function openDetails(tabId: number): void {
  const openTab = () => void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) }).catch(() => {});
  const panel = browser.sidePanel;
  if (!panel?.open) return openTab();
  // Not awaited: open() must run while the user's click (forwarded with the message) still counts.
  panel.setOptions({ tabId, path: `sidepanel.html?tab=${tabId}`, enabled: true }).catch(() => {});
  panel.open({ tabId }).catch(openTab);
}
