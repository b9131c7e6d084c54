/**
 * CallGuard's own globals in a frame's isolated world, which no page script can reach: the copy
 * of the call watcher running there (entrypoints/call/world.ts), and the mark
 * entrypoints/late-start.ts sets when CallGuard comes to a page that had loaded already. Apart,
 * so that late-start carries nothing else.
 */
export const WORLD_KEYS = { watcher: '__callguardWatcher', startedLate: '__callguardStartedLate' } as const;
