/**
 * What every call content script shares: document_start, every frame, and frames without an
 * origin of their own too (about:blank, where a page can build a fresh RTCPeerConnection). Kept
 * apart from the watcher so that WXT reads these options without loading the watcher.
 */
export const CALL_SCRIPT = {
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
} as const;
