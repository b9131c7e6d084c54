import { CONFERENCE_MATCHES } from '../../core/platforms/matches';
import { installProbe } from './probe';

/**
 * Main world, document_start, every frame: wraps WebRTC before any page script runs and tells
 * the isolated content script what the page's peer connections carry. Kept tiny (see bench).
 */
export default defineContentScript({
  matches: CONFERENCE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    try {
      installProbe(window);
    } catch {
      // Never throw into the page: without the probe, the verdict falls back to the page read.
    }
  },
});
