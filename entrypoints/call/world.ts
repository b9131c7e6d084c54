import { browser } from 'wxt/browser';
import type { FrameLook } from '../../core/policy/sites';
import { WORLD_KEYS } from './world-keys';

interface RunningWatcher {
  alive(): boolean;
}
type World = Record<string, unknown>;

/**
 * Run by the background in every frame of an open tab (scripting.executeScript), so it uses
 * nothing from outside: where the frame is, and whether a live watcher runs there.
 */
export function lookAtFrame(keys: typeof WORLD_KEYS): Omit<FrameLook, 'frameId'> {
  const running = (globalThis as World)[keys.watcher] as RunningWatcher | undefined;
  return { url: location.href, origin: location.origin, watched: running?.alive() === true };
}

export interface WorldClaim {
  /** Whether this copy should stop: its extension is gone, or a newer copy took the world over. */
  stopped(): boolean;
  /** This copy came after the page had loaded: what the page did before was not seen. */
  startedLate: boolean;
}

/**
 * Takes this frame's isolated world for one copy of the call watcher, or gives null when a live
 * copy already watches it: CallGuard injected into an open page while its registered scripts
 * arrive, or twice, still makes one banner and one handshake with the probe. A copy whose
 * extension was reloaded or updated under it (Chromium leaves it in the page, orphaned) is not
 * live: the new one takes over. Not WXT's context (entrypoints/call/script-context.ts): a page
 * can forge WXT's "content script started" DOM event; the mark here is one only CallGuard can set.
 */
export function claimWorld(): WorldClaim | null {
  const world = globalThis as World;
  if ((world[WORLD_KEYS.watcher] as RunningWatcher | undefined)?.alive()) return null;
  const stopped = () => world[WORLD_KEYS.watcher] !== self || extensionGone();
  const self: RunningWatcher = { alive: () => !stopped() };
  world[WORLD_KEYS.watcher] = self;
  return { stopped, startedLate: world[WORLD_KEYS.startedLate] === true };
}

function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}
