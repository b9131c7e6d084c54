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
});

describe('background: scripts for self-hosted sites', () => {
  it('registers the probe and the call script for a site with host access', async () => {
    const scripting = fakeScripting([...CONFERENCE_MATCHES, '*://*/*']);
    const { sync } = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    await sync();
    expect([...scripting.registered.values()].map((s) => [s.id, s.matches])).toEqual([
      ['callguard-sites-probe', [SITE.pattern]],
      ['callguard-sites-call', [SITE.pattern]],
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
    expect(scripting.registered.get('callguard-sites-call')?.matches).toEqual(['https://bbb.example.org/*', SITE.pattern]);
    policy.set({});
    await sync();
    expect(scripting.registered.size).toBe(0);
    expect(scripting.calls).toEqual([
      'register callguard-sites-probe,callguard-sites-call',
      'unregister callguard-sites-probe,callguard-sites-call',
      'register callguard-sites-probe,callguard-sites-call',
      'unregister callguard-sites-probe,callguard-sites-call',
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

  it('tells a content script which extra sites there are', async () => {
    fakeScripting([]);
    const sites = createSiteScripts(fakeStore({ conferenceSites: [SITE] }).store);
    expect(await sites.conferenceSites()).toEqual([SITE]);
  });
});
