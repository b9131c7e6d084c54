import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { dismissBanner, nextBanner, NO_BANNER, type BannerMemory } from '../../core/banner';
import type { ProbeMessage } from '../../core/channel';
import type { ExtensionMessage } from '../../core/messages';
import { emptyRead } from '../../core/platforms/adapter';
import { CONFERENCE_MATCHES } from '../../core/platforms/matches';
import { installedAdapter } from '../../core/platforms/installed';
import { platformForUrl, type ExtraSite } from '../../core/platforms/platform-for-url';
import type { FrameSignals } from '../../core/types';
import { createBannerHost } from './banner-host';
import { observeInBatches } from './observe';
import { connectProbe } from './probe-channel';

/**
 * Isolated world, every frame of a conference site: reads the page with the platform's adapter,
 * hears the main-world probe, and sends both to the background, which assesses the tab. The top
 * frame shows the banner the background's report calls for.
 */
export default defineContentScript({
  matches: CONFERENCE_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  // With the probe in about:blank frames (connections made from a fresh iframe's constructor).
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main(ctx) {
    runCallWatcher(ctx);
  },
});

function runCallWatcher(ctx: ContentScriptContext): void {
  const stopped = watcherStopped(ctx);
  let probe: ProbeMessage = { rtc: { connections: [] }, app: {} };
  let lastSent = '';
  let reading = false;
  // Self-hosted sites the user or organisation added: the background says which (below).
  let extraSites: ExtraSite[] = [];
  const channel = connectProbe(document, (message) => {
    if (stopped()) return batches.stop();
    probe = message;
    // Facts we asked for while reading are used right away; others (page events) need a read.
    if (!reading) batches.schedule();
  });

  const readPage = (): Pick<FrameSignals, 'page' | 'readError'> => {
    const url = new URL(location.href);
    const platform = platformForUrl(url, extraSites) ?? 'webrtc';
    const adapter = installedAdapter(platform);
    if (!adapter.isCallUrl(url)) return { page: { ...emptyRead(platform), phase: 'no-call' } };
    try {
      return { page: adapter.read(document, probe.app) };
    } catch (error) {
      // A page mid-change or a hostile DOM: the page read is lost, the verdict falls to unknown.
      return { page: null, readError: String(error).slice(0, 200) };
    }
  };

  const report = (force = false) => {
    if (stopped()) return batches.stop();
    reading = true;
    channel.request(); // synchronous: `probe` now holds the page's current WebRTC and app state
    reading = false;
    const signals: FrameSignals = { url: location.href, ...readPage(), rtc: probe.rtc };
    const serialized = JSON.stringify(signals);
    if (!force && serialized === lastSent) return;
    lastSent = serialized;
    send({ type: 'frame-signals', signals });
  };

  // The document node exists at document_start even before <html>: observe it from the start.
  const batches = observeInBatches(document, () => report());
  report();
  if (platformForUrl(new URL(location.href)) === null) {
    ask<ExtraSite[]>({ type: 'conference-sites' }).then((sites) => {
      extraSites = Array.isArray(sites) ? sites : [];
      report(true);
    });
  }

  const banner = window === window.top ? bannerController() : null;
  browser.runtime.onMessage.addListener((message: ExtensionMessage) => {
    if (message.type === 'recheck') {
      report(true);
    } else if (message.type === 'report' && banner) {
      banner.update(message);
    }
  });
}

/**
 * Whether this content script should stop: the extension was reloaded or updated under it (its
 * runtime is gone: Chromium leaves the old script running in the page, orphaned), or a newer
 * copy of it started in this same isolated world. WXT's ctx.isInvalid is not used alone: a page
 * can forge WXT's "content script started" DOM event (its name is built from the public extension
 * id) and so invalidate ctx, which would silence CallGuard on a hostile page. Page scripts cannot
 * reach this world's globals, so the instance mark below is one only CallGuard can set.
 */
function watcherStopped(ctx: ContentScriptContext): () => boolean {
  const mark = Symbol('callguard watcher');
  const world = globalThis as { __callguardWatcher?: symbol };
  world.__callguardWatcher = mark;
  return () => {
    if (world.__callguardWatcher !== mark || extensionGone()) {
      if (!ctx.signal.aborted) ctx.abort('CallGuard content script stopped');
      return true;
    }
    return false;
  };
}

function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** The banner's state across reports; the decisions themselves are pure (core/banner.ts). */
function bannerController() {
  let memory: BannerMemory = NO_BANNER;
  const host = createBannerHost(document, {
    onDismiss() {
      memory = dismissBanner(memory);
      host.hide();
    },
    onDetails() {
      send({ type: 'open-details' });
    },
  });
  return {
    update(message: Extract<ExtensionMessage, { type: 'report' }>) {
      memory = nextBanner(memory, message.report, message.settings);
      if (memory.visible) host.show(message.report, message.settings);
      else host.hide();
    },
  };
}

/** A question to the background; undefined when there is no answer (orphaned context). */
async function ask<T>(message: ExtensionMessage): Promise<T | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as T | undefined;
  } catch {
    return undefined;
  }
}

/** Messages to the background; after an extension reload this context is orphaned: stay quiet. */
function send(message: ExtensionMessage): void {
  try {
    browser.runtime.sendMessage(message).catch(() => {});
  } catch {
    // "Extension context invalidated": nothing to tell any more.
  }
}
