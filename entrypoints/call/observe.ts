/**
 * One MutationObserver for the whole page, its work coalesced into batches. After a quiet spell
 * the next change is read on the next animation frame (joining a call shows at once, a timer
 * stands in for frames in hidden tabs). While the page keeps changing (a busy call: captions,
 * chat, timers, meters) the batches back off, each gap twice the last up to `maxIntervalMs`, so
 * a busy page costs about one read a second; a pause of one gap brings back the fast pace.
 * Between a change and its batch the observer is disconnected: the batch reads the page as it is
 * by then, so the mutation records in between would only cost. No polling: quiet pages cost nothing.
 */
const HIDDEN_TAB_FALLBACK_MS = 250;

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['aria-label', 'aria-checked', 'aria-pressed', 'data-participant-id', 'hidden'],
};

export function observeInBatches(
  root: Node,
  run: () => void,
  { minIntervalMs = 100, maxIntervalMs = 1000 }: { minIntervalMs?: number; maxIntervalMs?: number } = {},
): { schedule(): void; stop(): void } {
  let scheduled = false;
  let stopped = false;
  let lastRun = -Infinity;
  let interval = minIntervalMs;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (!scheduled || stopped) return;
    scheduled = false;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    lastRun = performance.now();
    observer.observe(root, OPTIONS);
    run();
  };
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    observer.disconnect();
    const since = performance.now() - lastRun;
    if (since >= interval) {
      // Quiet since the last batch: read on the next frame, and keep the fast pace.
      interval = minIntervalMs;
      frame = requestAnimationFrame(flush);
      timer = setTimeout(flush, HIDDEN_TAB_FALLBACK_MS);
    } else {
      // Still changing: back off.
      interval = Math.min(interval * 2, maxIntervalMs);
      timer = setTimeout(flush, lastRun + interval - performance.now());
    }
  };

  const observer = new MutationObserver(schedule);
  observer.observe(root, OPTIONS);
  return {
    schedule,
    stop: () => {
      stopped = true;
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}
