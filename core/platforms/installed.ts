import type { PlatformId } from '../types';
import type { PlatformAdapter } from './adapter';
import { readOnce } from './dom';
import { genericWebrtc } from './webrtc';

/**
 * Platform adapters ship as separate scripts, injected just before the call script into the same
 * isolated world (wxt.config.ts), so a page carries only its own platform's reader. They meet in
 * that world's global object, which page scripts cannot reach.
 */
const INSTALLED = Symbol.for('callguard.adapters');
type Holder = { [INSTALLED]?: PlatformAdapter[] };

export const isAdapter = (value: unknown): value is PlatformAdapter =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PlatformAdapter).id === 'string' &&
  typeof (value as PlatformAdapter).read === 'function' &&
  typeof (value as PlatformAdapter).isCallUrl === 'function';

/**
 * Installs a bundle's adapters (an adapter bundle's whole job), each read gathering the page's
 * texts once (readOnce: the bundle has its own copy of dom.ts, so this is the place that can wrap
 * them).
 */
export function installAdapters(adapters: readonly PlatformAdapter[]): void {
  const holder = globalThis as Holder;
  holder[INSTALLED] ??= [];
  for (const adapter of adapters) {
    holder[INSTALLED].push({ ...adapter, read: (doc, app) => readOnce(() => adapter.read(doc, app)) });
  }
}

/** The installed adapter for a platform; without one the page is read by WebRTC alone. */
export function installedAdapter(platform: PlatformId): PlatformAdapter {
  return (globalThis as Holder)[INSTALLED]?.find((adapter) => adapter.id === platform) ?? genericWebrtc;
}
