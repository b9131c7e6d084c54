import { WORLD_KEYS } from './call/world-keys';

/**
 * Injected by the background right before the call script into a page that had loaded before
 * CallGuard's scripts were registered for it, in the same injection (entrypoints/background/sites.ts):
 * the call script then reports that it started late.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[WORLD_KEYS.startedLate] = true;
});
