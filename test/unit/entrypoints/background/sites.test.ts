import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSiteScripts } from '../../../../entrypoints/background/sites';
import type { PolicyStore } from '../../../../entrypoints/background/policy-store';
import { effectivePolicy } from '../../../../core/policy/effective';
import { CONFERENCE_MATCHES } from '../../../../core/platforms/index';

type Script = { id: string; matches?: string[] };

/** fakeBrowser has no scripting or permissions: a small in-memory stand-in for both. */
function fakeScripting(granted: string[]) {
  const registered = new Map<string, Script>();
  const calls: string[] = [];
  const permissionListeners: (() => void)[] = [];
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => [...registered.values()].filter((s) => ids.includes(s.id)),
    registerContentScripts: async (scripts: Script[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
      calls.push(`register ${scripts.map((s) => s.id).join(',')}`);
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registered.delete(id);
      calls.push(`unregister ${ids.join(',')}`);
    },
  });
  Object.assign(fakeBrowser.permissions, {
    getAll: async () => ({ origins: [...granted], permissions: [] }),
    onAdded: { addListener: (l: () => void) => permissionListeners.push(l) },
    onRemoved: { addListener: (l: () => void) => permissionListeners.push(l) },
  });
  return {
    registered,
    calls,
    grant(origin: string) {
      granted.push(origin);
      for (const l of permissionListeners) l();
    },
  };
}

interface FakeFrame {
  frameId: number;
  url: string;
  watched?: boolean;
}
interface Injection {
  target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
  func?: unknown;
  files?: string[];
  world?: string;
}

/**
 * Open tabs and their frames, for tabs.query and scripting.executeScript: a look into a tab's
 * frames answers where each is and whether a watcher runs there; the call script, once injected,
 * watches its frames. Lists every injection of files as "tab frames world files".
 */
function fakeTabs(tabs: { id: number; url: string; frames?: FakeFrame[]; closed?: boolean }[]) {
  const injected: string[] = [];
  const framesOf = (tab: (typeof tabs)[number]) => (tab.frames ??= [{ frameId: 0, url: tab.url }]);
  Object.assign(fakeBrowser.tabs, { query: async () => tabs.map(({ id, url }) => ({ id, url })) });
  fakeBrowser.scripting.executeScript = (async ({ target, func, files, world }: Injection) => {
    const tab = tabs.find((t) => t.id === target.tabId);
    if (!tab || tab.closed) throw new Error(`No tab with id: ${target.tabId}`);
    const frames = framesOf(tab);
    if (func) return frames.map((f) => ({ frameId: f.frameId, result: { url: f.url, origin: new URL(f.url).origin, watched: !!f.watched } }));
    injected.push(`${tab.id} ${target.frameIds?.join(',')} ${world ?? 'ISOLATED'} ${files?.join(',')}`);
    if (files?.some((file) => file.startsWith('/content-scripts/'))) for (const f of frames) if (target.frameIds?.includes(f.frameId)) f.watched = true;
    return [];
  }) as never;
  return injected;
}

/** What a frame gets when CallGuard comes to it after it loaded: the probe, then the watcher told it started late. */
const lateInjection = (tabId: number, frameIds: string) => [
  `${tabId} ${frameIds} MAIN /rtc-probe.js`,
  `${tabId} ${frameIds} ISOLATED /late-start.js,/content-scripts/jitsi.js`,
];

/** A policy store with the given admin settings, changeable like the real one. */
function fakeStore(admin: unknown) {
  let current = effectivePolicy(undefined, admin);
  const listeners: (() => void)[] = [];
  const store = {
    ready: Promise.resolve(),
    get: () => current,
    onChange: (l: () => void) => listeners.push(l),
  } as unknown as PolicyStore;
  return {
    store,
    set(next: unknown) {
      current = effectivePolicy(undefined, next);
      for (const l of listeners) l();
    },
  };
}

const SITE = { pattern: 'https://meet.example.org/*', platform: 'jitsi' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});

describe('background: scripts for self-hosted sites', () => {
  it('registers the probe and the call script for a site with host access', async () => {
    const scripting = fakeScripting([...CONFERENCE_MATCHES, '*://*/*']);
    const { sync } = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    await sync();
    expect([...scripting.registered.values()].map((s) => [s.id, s.matches])).toEqual([
      ['callguard-sites-probe', [SITE.pattern]],
      ['callguard-sites-jitsi', [SITE.pattern]],
    ]);
  });

  it('waits for host access, and registers as soon as it is granted', async () => {
    const scripting = fakeScripting([...CONFERENCE_MATCHES]);
    const { sync } = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    await sync();
    expect(scripting.registered.size).toBe(0);
    scripting.grant('https://meet.example.org/*');
    await sync();
    expect(scripting.registered.size).toBe(2);
  });

  it('follows the policy: new sites re-register, no sites unregister, no change does nothing', async () => {
    const scripting = fakeScripting(['*://*/*']);
    const policy = fakeStore({ conferenceSites: [SITE] });
    const { sync } = createSiteScripts(policy.store);
    await sync();
    policy.set({ conferenceSites: [SITE] });
    await sync();
    policy.set({ conferenceSites: [SITE, { pattern: 'https://bbb.example.org/*', platform: 'bigbluebutton' }] });
    await sync();
    // Each site gets its own platform's call script; the probe covers both.
    expect(scripting.registered.get('callguard-sites-probe')?.matches).toEqual(['https://bbb.example.org/*', SITE.pattern]);
    expect(scripting.registered.get('callguard-sites-jitsi')?.matches).toEqual([SITE.pattern]);
    expect(scripting.registered.get('callguard-sites-bigbluebutton')?.matches).toEqual(['https://bbb.example.org/*']);
    policy.set({});
    await sync();
    expect(scripting.registered.size).toBe(0);
    expect(scripting.calls).toEqual([
      'register callguard-sites-probe,callguard-sites-jitsi',
      'unregister callguard-sites-probe,callguard-sites-jitsi',
      'register callguard-sites-probe,callguard-sites-jitsi,callguard-sites-bigbluebutton',
      'unregister callguard-sites-probe,callguard-sites-jitsi,callguard-sites-bigbluebutton',
    ]);
  });

  it('does not fail when the browser refuses (logs and goes on)', async () => {
    fakeScripting(['*://*/*']);
    fakeBrowser.scripting.registerContentScripts = (async () => {
      throw new Error('nope');
    }) as never;
    const { sync } = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    await expect(sync()).resolves.toBeUndefined();
    expect(console.warn).toHaveBeenCalled();
  });

  it('gives the scripts to the tabs already open on a site when the policy adds it, and only to them', async () => {
    fakeScripting(['*://*/*']);
    const injected = fakeTabs([
      { id: 1, url: 'https://meet.example.org/Standup' },
      { id: 2, url: 'https://www.example.org/' },
    ]);
    const policy = fakeStore({});
    const { sync } = createSiteScripts(policy.store);
    await sync();
    expect(injected).toEqual([]);
    policy.set({ conferenceSites: [SITE] });
    await sync();
    expect(injected).toEqual(lateInjection(1, '0'));
  });

  it('covers the tabs open when the worker starts (restored at browser start), in the frames of the site', async () => {
    fakeScripting(['*://*/*']);
    const injected = fakeTabs([
      {
        id: 7,
        url: 'https://meet.example.org/Standup',
        frames: [
          { frameId: 0, url: 'https://meet.example.org/Standup' },
          { frameId: 3, url: 'https://ads.example.net/' },
          { frameId: 4, url: 'https://meet.example.org/call-frame' },
        ],
      },
    ]);
    const { sync } = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    await sync();
    expect(injected).toEqual(lateInjection(7, '0,4'));
  });

  it('gives a frame the scripts once: frames a watcher already runs in (on time, or from before) get nothing', async () => {
    fakeScripting(['*://*/*']);
    const injected = fakeTabs([
      { id: 1, url: 'https://meet.example.org/Standup' },
      { id: 2, url: 'https://meet.example.org/Retro', frames: [{ frameId: 0, url: 'https://meet.example.org/Retro', watched: true }] },
    ]);
    const policy = fakeStore({ conferenceSites: [SITE] });
    const { sync } = createSiteScripts(policy.store);
    await sync();
    policy.set({ conferenceSites: [SITE], banner: 'always' });
    await sync();
    expect(injected).toEqual(lateInjection(1, '0'));
  });

  it('covers the open tabs of a site when the user grants it', async () => {
    const scripting = fakeScripting([...CONFERENCE_MATCHES]);
    const injected = fakeTabs([{ id: 1, url: 'https://meet.example.org/Standup' }]);
    const { sync } = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    await sync();
    expect(injected).toEqual([]);
    scripting.grant('https://meet.example.org/*');
    await sync();
    expect(injected).toEqual(lateInjection(1, '0'));
  });

  it('a tab that cannot take scripts (closed meanwhile, an error page) does not keep the others from them', async () => {
    fakeScripting(['*://*/*']);
    const injected = fakeTabs([
      { id: 1, url: 'https://meet.example.org/Gone', closed: true },
      { id: 2, url: 'https://meet.example.org/Standup' },
    ]);
    const { sync } = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    await sync();
    expect(injected).toEqual(lateInjection(2, '0'));
  });

  it('tells a content script which extra sites there are', async () => {
    fakeScripting([]);
    const sites = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    expect(await sites.conferenceSites()).toEqual([SITE]);
  });
});
