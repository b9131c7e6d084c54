import { render } from 'preact';
import { Banner } from '../../components/Banner';
import bannerCss from '../../components/banner.css?inline';
import type { BannerSettings } from '../../core/messages';
import type { Report } from '../../core/types';

/**
 * Hosts the banner in a closed shadow root on <html>, so the page's styles and layout are not
 * touched and page scripts cannot reach inside. Re-attaches itself if the page removes it.
 */
export function createBannerHost(doc: Document, actions: { onDismiss(): void; onDetails(): void }) {
  const host = doc.createElement('callguard-banner');
  host.style.setProperty('all', 'initial');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = bannerCss;
  const mount = doc.createElement('div');
  root.append(style, mount);

  return {
    show(report: Report, settings: BannerSettings) {
      if (!host.isConnected) doc.documentElement.append(host);
      render(<Banner report={report} settings={settings} {...actions} />, mount);
    },
    hide() {
      render(null, mount);
      host.remove();
    },
    isShownButDetached: () => !host.isConnected && mount.childNodes.length > 0,
  };
}
