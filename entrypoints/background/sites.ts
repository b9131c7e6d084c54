import { browser } from 'wxt/browser';
import {
  ALL_SITE_SCRIPT_IDS,
  planSiteScripts,
  sameRegistration,
  siteContentScripts,
} from '../../core/policy/sites';
import type { PolicyStore } from './policy-store';

/**
 * Self-hosted conference sites (the `conferenceSites` setting, from the user or the
 * organisation): CallGuard's content scripts are registered for them at run time, for the sites
 * whose host access was granted, and again whenever the sites or the granted access change.
 * The content script asks once which sites these are, to pick the right platform reader.
 */
export function createSiteScripts(policy: PolicyStore) {
  const ids = ALL_SITE_SCRIPT_IDS;
  let queue = Promise.resolve();

  const apply = async () => {
    await policy.ready;
    const sites = policy.get().policy.conferenceSites;
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const plan = planSiteScripts(sites, granted);
    const wanted = siteContentScripts(plan.register, { chromium: !import.meta.env.FIREFOX });
    const existing = await browser.scripting.getRegisteredContentScripts({ ids });
    if (sameRegistration(existing, wanted)) return;
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    if (wanted.length > 0) await browser.scripting.registerContentScripts(wanted);
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
    /** The conference sites, for the content script of added sites to pick each one's platform. */
    conferenceSites: async () => {
      await policy.ready;
      return policy.get().policy.conferenceSites;
    },
  };
}
