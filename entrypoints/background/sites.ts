import { browser } from 'wxt/browser';
import {
  ALL_SITE_SCRIPT_IDS,
  framesToCover,
  LATE_START_SCRIPT_FILE,
  planSiteScripts,
  PROBE_SCRIPT_FILE,
  sameRegistration,
  siteContentScripts,
  tabsToCover,
  type SiteContentScript,
} from '../../core/policy/sites';
import { lookAtFrame } from '../call/world';
import { WORLD_KEYS } from '../call/world-keys';
import type { PolicyStore } from './policy-store';

/**
 * Self-hosted conference sites (the `conferenceSites` setting, from the user or the
 * organisation): CallGuard's content scripts are registered for them at run time, for the sites
 * whose host access was granted, and again whenever the sites or the granted access change.
 * Pages of those sites that loaded before (open when the policy arrived or the user granted the
 * site, restored at browser start) get the same scripts injected, once per frame. Each site
 * gets the call script of the platform named for it, as its built-in sites do.
 */
export function createSiteScripts(policy: PolicyStore) {
  const ids = ALL_SITE_SCRIPT_IDS;
  let queue = Promise.resolve();

  /** Registers the scripts the sites and the granted access call for, and gives them. */
  const register = async (): Promise<SiteContentScript[]> => {
    await policy.ready;
    const sites = policy.get().policy.conferenceSites;
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const plan = planSiteScripts(sites, granted);
    const wanted = siteContentScripts(plan.registerSites, { chromium: !import.meta.env.FIREFOX });
    const existing = await browser.scripting.getRegisteredContentScripts({ ids });
    if (sameRegistration(existing, wanted)) return wanted;
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    if (wanted.length > 0) await browser.scripting.registerContentScripts(wanted);
    return wanted;
  };

  /**
   * The scripts, as registered, in the frames of one open tab that they cover and no copy of
   * them watches yet. The call script learns in the same injection that it came late, so its
   * reports never confirm what it could not see.
   */
  const coverTab = async (tabId: number, scripts: readonly SiteContentScript[]) => {
    const looks = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: lookAtFrame, args: [WORLD_KEYS] });
    const frames = framesToCover(
      looks.flatMap(({ frameId, result }) => (result ? [{ frameId, ...result }] : [])),
      scripts,
    );
    if (frames.length === 0) return;
    // The probe first, as registered: the call script's handshake must find it there.
    await browser.scripting.executeScript({ target: { tabId, frameIds: frames.map((f) => f.frameId) }, world: 'MAIN', files: [`/${PROBE_SCRIPT_FILE}`] });
    for (const callScript of new Set(frames.map((f) => f.callScript))) {
      const frameIds = frames.filter((f) => f.callScript === callScript).map((f) => f.frameId);
      // (A platform's script path is built from its id: WXT's list of paths cannot check it.)
      await browser.scripting.executeScript({ target: { tabId, frameIds }, files: [`/${LATE_START_SCRIPT_FILE}`, `/${callScript}`] as never });
    }
  };

  const apply = async () => {
    const scripts = await register();
    if (scripts.length === 0) return;
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabsToCover(tabs, scripts).map((tabId) =>
        // A tab closed or gone to a page without access meanwhile: it needs nothing.
        coverTab(tabId, scripts).catch((error: unknown) => console.debug('CallGuard: could not cover tab', tabId, error)),
      ),
    );
  };
  // One at a time: two overlapping runs would register the same ids twice.
  const sync = () => {
    queue = queue.then(apply).catch((error: unknown) => console.warn('CallGuard: could not register site scripts', error));
    return queue;
  };

  policy.onChange(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  void sync();
  return {
    sync,
    /** The conference sites, for a detection sample to name each one's platform. */
    conferenceSites: async () => {
      await policy.ready;
      return policy.get().policy.conferenceSites;
    },
  };
}
