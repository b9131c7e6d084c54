import { render } from 'preact';
import { Banner, type BannerProps } from '../../components/Banner';
import bannerCss from '../../components/banner.css?inline';

/** What the banner shows; its actions are fixed when the host is made. */
export type BannerState = Pick<BannerProps, 'report' | 'settings' | 'view' | 'join'>;
type BannerActions = Omit<BannerProps, keyof BannerState>;

/**
 * The page may try to hide the banner (docs/security.md, "Hostile pages"). `!important` inside the
 * shadow root beats the page's `!important` on the host, even inline (CSS Cascade: for important
 * declarations the inner encapsulation context wins), and `all` takes back every property a page
 * could use: display, visibility, opacity, transform, clip-path, contain, size, position …
 */
const HOST_GUARD_CSS = ':host { all: initial !important; }';
/** Attributes a page could set on the host to hide it or make it unusable. */
const PAGE_ATTRIBUTES = ['hidden', 'inert'];
/** Put back at once this many times a second at most; then once a second (a page fighting it must not hang). */
const RESTORES_PER_SECOND = 10;

/**
 * Hosts the banner in a closed shadow root on <html>, so the page's styles and layout are not
 * touched and page scripts cannot reach inside. While the banner should show, it stays shown:
 * it is put back when the page removes it or replaces <html>, page attributes that would hide it
 * are taken off, and it sits in the top layer (a manual popover) where the page's overlays,
 * z-indexes and ancestors' clip-path or opacity do not reach. One MutationObserver on <html>'s
 * children and the host's attributes, connected only while the banner shows.
 */
export function createBannerHost(doc: Document, actions: BannerActions) {
  const host = doc.createElement('callguard-banner');
  host.style.setProperty('all', 'initial', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const guard = doc.createElement('style');
  guard.textContent = HOST_GUARD_CSS;
  const style = doc.createElement('style');
  style.textContent = bannerCss;
  const mount = doc.createElement('div');
  root.append(guard, style, mount);

  let wanted = false;
  let windowStart = 0;
  let restores = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const inTopLayer = () => {
    try {
      return host.matches(':popover-open');
    } catch {
      return true; // no popover support: nothing to check
    }
  };
  const intact = () =>
    host.parentNode === doc.documentElement && PAGE_ATTRIBUTES.every((a) => !host.hasAttribute(a)) && host.getAttribute('popover') === 'manual' && inTopLayer();

  const attach = () => {
    const html = doc.documentElement;
    if (!html) return;
    if (host.parentNode !== html) html.append(host);
    for (const attribute of PAGE_ATTRIBUTES) host.removeAttribute(attribute);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    try {
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // No popover support (older browsers, test DOMs): a fixed banner at the highest z-index.
    }
    observer.observe(doc, { childList: true });
    observer.observe(html, { childList: true });
  };

  const restore = () => {
    retry = undefined;
    if (!wanted || intact()) return;
    const now = performance.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      restores = 0;
    }
    if (++restores > RESTORES_PER_SECOND) {
      retry ??= setTimeout(restore, Math.max(0, windowStart + 1000 - now));
      return;
    }
    attach();
  };

  const observer = new MutationObserver(restore);
  // A page closing the popover (hidePopover) is put right too.
  host.addEventListener('toggle', () => queueMicrotask(restore));

  return {
    show(state: BannerState) {
      if (!wanted) {
        wanted = true;
        observer.observe(host, { attributes: true });
      }
      render(<Banner {...state} {...actions} />, mount);
      if (!intact()) attach();
    },
    hide() {
      wanted = false;
      observer.disconnect();
      clearTimeout(retry);
      retry = undefined;
      render(null, mount);
      host.remove();
    },
    isShownButDetached: () => !host.isConnected && mount.childNodes.length > 0,
  };
}
