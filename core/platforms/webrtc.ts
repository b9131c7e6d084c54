import type { Coverage } from './coverage';
import type { Platform, PlatformFact } from './platform';

/**
 * Any site the user or organisation adds without naming its platform: the page is not read at
 * all, and call state and encryption come from the page's WebRTC connections alone.
 */
export const platform: Platform = {
  id: 'webrtc',
  name: 'WebRTC',
  tier: 2,
  matches: [],
  detect: { participantText: [], phases: [] },
};

/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = null;

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {};
