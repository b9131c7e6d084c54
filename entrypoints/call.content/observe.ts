/**
 * One MutationObserver for the whole page, its work coalesced to at most one run per animation
 * frame (and a timer fallback, since hidden tabs get no frames), never more often than
 * `minIntervalMs`. No polling: quiet pages cost nothing.
 */
const HIDDEN_TAB_FALLBACK_MS = 250;

export function observeInBatches(root: Node, run: () => void, minIntervalMs = 100): { schedule(): void; stop(): void } {
  let scheduled = false;
  let lastRun = 0;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (!scheduled) return;
    scheduled = false;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    lastRun = performance.now();
    run();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const wait = Math.max(0, lastRun + minIntervalMs - performance.now());
    if (wait > 0) {
      timer = setTimeout(flush, wait);
    } else {
      frame = requestAnimationFrame(flush);
      timer = setTimeout(flush, HIDDEN_TAB_FALLBACK_MS);
    }
  };

  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'aria-checked', 'aria-pressed', 'data-participant-id', 'hidden'] });
  return {
    schedule,
    stop: () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}
