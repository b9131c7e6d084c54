import { pageView } from '../../core/platforms/page';
import type { Platform } from '../../core/platforms/platform';

/**
 * Holds a click on the platform's own join button while the organisation wants a confirmation
 * first (confirmBeforeJoin), and lets it through once the user confirms in CallGuard's banner.
 * Capture phase on the window, so the click is held before the page's own handlers see it; only
 * the user's own clicks and key presses are held (a page can join by itself anyway: this is an
 * aid for the user, not a boundary against the page; docs/security.md).
 */
export function guardJoinButton(platform: Platform, onHeld: () => void) {
  let armed = false;
  // Confirmed once, the join goes through for this stage of the page (until the call is joined).
  let confirmed = false;
  let held: HTMLElement | null = null;
  const hold = (event: Event) => {
    const control = platform.detect.joinControl;
    if (!armed || !event.isTrusted || !control || !(event.target instanceof Element)) return;
    if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
    const view = pageView(document, platform.detect.participantText);
    if (!view.is(event.target, control)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held = event.target.closest<HTMLElement>('button, [role="button"]') ?? (event.target as HTMLElement);
    onHeld();
  };
  for (const type of ['click', 'keydown']) addEventListener(type, hold, true);
  return {
    arm(on: boolean) {
      if (!on) confirmed = false;
      armed = on && !confirmed;
    },
    /** The user confirmed: the held click goes through (our own click is not held). */
    release() {
      armed = false;
      confirmed = true;
      if (held?.isConnected) held.click();
      held = null;
    },
  };
}
