import { browser } from 'wxt/browser';
import type { JoinState } from '../../components/Banner';
import { dismissBanner, expandBanner, nextBanner, NO_BANNER, settleBanner, SETTLE_AFTER_MS, type BannerMemory } from '../../core/banner';
import type { ProbeMessage } from '../../core/channel';
import { route, type ExtensionMessage, type MessageOf } from '../../core/messages';
import type { Platform } from '../../core/platforms/platform';
import { emptyRead, isCallUrl, readPage } from '../../core/platforms/read';
import { rowMemo } from '../../core/platforms/roster';
import type { FrameSignals } from '../../core/types';
import { createBannerHost } from './banner-host';
import { guardJoinButton } from './join-guard';
import { observeInBatches } from './observe';
import { connectProbe } from './probe-channel';
import { claimWorld } from './world';

/**
 * Isolated world, every frame of a conference site: one script per platform (a page carries only
 * its own platform's reader), on its built-in sites and, registered at run time, on the sites the
 * user or organisation adds as that platform. Reads the page with its platform's declaration,
 * hears the main-world probe, and sends both to the background, which assesses the tab. The top
 * frame shows the banner the background's report calls for.
 */
export function runCallWatcher(platform: Platform): void {
  const claim = claimWorld();
  if (!claim) return;
  const { stopped, startedLate } = claim;
  let probe: ProbeMessage = { rtc: { connections: [] }, app: {} };
  let lastSent = '';
  let reading = false;
  const stop = () => {
    batches.stop();
    rows.stop();
  };
  const channel = connectProbe(document, (message) => {
    if (stopped()) return stop();
    probe = message;
    // Facts we asked for while reading are used right away; others (page events) need a read.
    if (!reading) batches.schedule();
  });

  // The roster rows read before: a long roster's unchanged rows are not read again.
  const rows = rowMemo();
  const readFrame = (): Pick<FrameSignals, 'page' | 'readError'> => {
    if (!isCallUrl(platform, new URL(location.href))) return { page: { ...emptyRead(platform.id), phase: 'no-call' } };
    try {
      return { page: readPage(platform, document, probe.app, rows) };
    } catch (error) {
      // A page mid-change or a hostile DOM: the page read is lost, the verdict falls to unknown.
      return { page: null, readError: String(error).slice(0, 200) };
    }
  };

  const report = (force = false) => {
    if (stopped()) return stop();
    reading = true;
    channel.request(); // synchronous: `probe` now holds the page's current WebRTC and app state
    reading = false;
    const signals: FrameSignals = { url: location.href, ...readFrame(), rtc: probe.rtc, ...(startedLate ? { startedLate: true as const } : {}) };
    const serialized = JSON.stringify(signals);
    if (!force && serialized === lastSent) return;
    lastSent = serialized;
    send({ type: 'frame-signals', signals });
  };

  // The document node exists at document_start even before <html>: observe it from the start.
  const batches = observeInBatches(document, () => report());
  report();

  const banner = window === window.top ? bannerController() : null;
  const joinButton = guardJoinButton(platform, () => send({ type: 'join-held' }));
  browser.runtime.onMessage.addListener(
    route({
      recheck: () => report(true),
      report: (message) => {
        joinButton.arm(message.settings.confirmJoin);
        banner?.update(message);
      },
      'join-held': () => banner?.held(),
      'join-confirmed': () => joinButton.release(),
    }),
  );
}

/** The banner's state across reports, its timer and the join button's state; the decisions are pure (core/banner.ts). */
function bannerController() {
  let memory: BannerMemory = NO_BANNER;
  let last: MessageOf<'report'> | null = null;
  let held = false;
  let settling: ReturnType<typeof setTimeout> | undefined;

  const render = () => {
    if (memory.view === 'compact') {
      settling ??= setTimeout(() => {
        settling = undefined;
        memory = settleBanner(memory);
        render();
      }, SETTLE_AFTER_MS);
    } else {
      clearTimeout(settling);
      settling = undefined;
    }
    if (!last || memory.view === 'none') return host.hide();
    const { report, settings } = last;
    const confirm = settings.confirmJoin;
    held &&= confirm;
    const join: JoinState = !confirm ? 'none' : held ? 'held' : report.joinControlSeen ? 'guarded' : 'unguarded';
    host.show({ report, settings, view: memory.view, join });
  };
  const act = (next: (memory: BannerMemory) => BannerMemory) => {
    memory = next(memory);
    render();
  };
  const host = createBannerHost(document, {
    onDismiss: () => act(dismissBanner),
    onExpand: () => act(expandBanner),
    onDetails: () => send({ type: 'open-details' }),
    onJoin() {
      held = false;
      send({ type: 'join-confirmed' });
      act(dismissBanner);
    },
  });
  return {
    update(message: MessageOf<'report'>) {
      last = message;
      act((m) => nextBanner(m, message.report, message.settings));
    },
    /** The user pressed the join button and CallGuard holds it: ask in full. */
    held() {
      held = true;
      act(expandBanner);
    },
  };
}

/** Messages to the background; after an extension reload this context is orphaned: stay quiet. */
function send(message: ExtensionMessage): void {
  try {
    browser.runtime.sendMessage(message).catch(() => {});
  } catch {
    // "Extension context invalidated": nothing to tell any more.
  }
}
