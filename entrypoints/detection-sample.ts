import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '../core/messages';
import { platformById, platformForUrl } from '../core/platforms/index';
import { frameSample, type FrameSample, type SampleFailure } from '../core/platforms/sample';
import type { ConferenceSite } from '../core/policy/types';

/**
 * "Save a detection sample" (the popup): run on demand in every frame of the tab through
 * scripting.executeScript, never declared as a content script, so the call pages' own scripts
 * carry none of it. Returns the frame's redacted sample (core/platforms/sample.ts); null for a
 * frame of no platform CallGuard reads (sign-in widgets, ads, blank frames).
 */
export default defineUnlistedScript(async (): Promise<FrameSample | SampleFailure | null> => {
  const url = new URL(location.href);
  try {
    // Built-in sites first; sites the user or organisation added are the background's to tell.
    const id = platformForUrl(url) ?? platformForUrl(url, await addedSites());
    return id ? frameSample(document, url, platformById(id)) : null;
  } catch (error) {
    return { url: url.origin, error: String(error).slice(0, 200) };
  }
});

async function addedSites(): Promise<ConferenceSite[]> {
  const sites: unknown = await browser.runtime.sendMessage({ type: 'conference-sites' } satisfies ExtensionMessage).catch(() => []);
  return Array.isArray(sites) ? sites : [];
}
