// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { claimWorld, lookAtFrame } from '../../../../entrypoints/call/world';
import { WORLD_KEYS } from '../../../../entrypoints/call/world-keys';

const world = globalThis as Record<string, unknown>;
const claim = () => claimWorld();

afterEach(() => {
  delete world[WORLD_KEYS.watcher];
  delete world[WORLD_KEYS.startedLate];
});

describe('claimWorld: one watcher per isolated world', () => {
  it('a second copy while the first runs does nothing, and the first keeps running', () => {
    const first = claim();
    expect(first?.stopped()).toBe(false);
    expect(claim()).toBeNull();
    expect(first?.stopped()).toBe(false);
  });

  it('a copy left by an extension reloaded or updated under it gives the world to the new one', () => {
    world[WORLD_KEYS.watcher] = { alive: () => false };
    const next = claim();
    expect(next?.stopped()).toBe(false);
  });

  it('knows it came late when late-start ran first in the same world, and not otherwise', () => {
    expect(claim()?.startedLate).toBe(false);
    delete world[WORLD_KEYS.watcher];
    world[WORLD_KEYS.startedLate] = true;
    expect(claim()?.startedLate).toBe(true);
  });
});

describe('lookAtFrame', () => {
  it('says where the frame is and whether a live copy watches it', () => {
    expect(lookAtFrame(WORLD_KEYS)).toEqual({ url: location.href, origin: location.origin, watched: false });
    claim();
    expect(lookAtFrame(WORLD_KEYS).watched).toBe(true);
    world[WORLD_KEYS.watcher] = { alive: () => false };
    expect(lookAtFrame(WORLD_KEYS).watched).toBe(false);
  });
});
