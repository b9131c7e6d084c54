import { installProbe } from './probe';

/**
 * Main world, document_start, every frame: wraps WebRTC before any page script runs and tells
 * the isolated content script what the page's peer connections carry. Bundled on its own by
 * modules/rtc-probe (not as a WXT entrypoint), so that no extension-API code, which cannot run in
 * the page's world, is pulled in and the probe stays tiny (see npm run bench).
 */
try {
  installProbe(window);
} catch {
  // Never throw into the page: without the probe, the verdict falls back to the page read.
}
