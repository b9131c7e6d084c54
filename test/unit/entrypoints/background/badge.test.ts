import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE, DEFAULT_ICON, LEVEL_ICONS, updateBadge } from '../../../../entrypoints/background/badge';
import type { Level } from '../../../../core/types';
import { useLocale } from '../../support/locale';
import { report } from '../../support/reports';

useLocale('en');
const PUBLIC = path.resolve(import.meta.dirname, '../../../../public');
const LEVELS: Level[] = ['danger', 'warning', 'ok', 'unknown'];

let calls: Record<string, unknown[]>;
beforeEach(() => {
  calls = {};
  for (const name of ['setIcon', 'setBadgeText', 'setBadgeBackgroundColor', 'setBadgeTextColor', 'setTitle'] as const) {
    calls[name] = [];
    vi.spyOn(fakeBrowser.action, name).mockImplementation(async (details: unknown) => void calls[name]!.push(details));
  }
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** WCAG contrast of a colour against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

describe('toolbar icon and badge', () => {
  it.each(LEVELS)('%s in a call: the level icon, badge and title for that tab', async (level) => {
    await updateBadge(12, report(level));
    expect(calls.setIcon).toEqual([{ tabId: 12, path: LEVEL_ICONS[level] }]);
    expect(calls.setBadgeText).toEqual([{ tabId: 12, text: BADGE[level].text }]);
    expect(calls.setBadgeBackgroundColor).toEqual([{ tabId: 12, color: BADGE[level].color }]);
    expect(calls.setBadgeTextColor).toEqual([{ tabId: 12, color: '#ffffff' }]);
    expect((calls.setTitle![0] as { title: string }).title).toMatch(/^CallGuard: /);
  });

  it('outside a call (or without a report): the default icon, no badge, the plain name', async () => {
    await updateBadge(3, report('warning', [], { inCall: false, phase: 'pre-join' }));
    await updateBadge(4, null);
    expect(calls.setIcon).toEqual([
      { tabId: 3, path: DEFAULT_ICON },
      { tabId: 4, path: DEFAULT_ICON },
    ]);
    expect(calls.setBadgeText).toEqual([
      { tabId: 3, text: '' },
      { tabId: 4, text: '' },
    ]);
    expect(calls.setTitle).toEqual([
      { tabId: 3, title: 'CallGuard' },
      { tabId: 4, title: 'CallGuard' },
    ]);
  });

  it('a closed tab is no error', async () => {
    vi.spyOn(fakeBrowser.action, 'setIcon').mockRejectedValue(new Error('No tab with id: 9'));
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 9'));
    await expect(updateBadge(9, report('danger'))).resolves.toBeUndefined();
  });

  it('every icon is a PNG of its size in public/ (16, 32, 48, 128), and the manifest default is there', () => {
    for (const icons of [DEFAULT_ICON, ...Object.values(LEVEL_ICONS)]) {
      expect(Object.keys(icons).map(Number)).toEqual([16, 32, 48, 128]);
      for (const [size, file] of Object.entries(icons)) expect(pngSize(path.join(PUBLIC, file))).toEqual([Number(size), Number(size)]);
    }
  });

  it('the badge text is readable: white on each colour passes WCAG AA (4.5:1)', () => {
    for (const level of LEVELS) expect(contrastWithWhite(BADGE[level].color), level).toBeGreaterThanOrEqual(4.5);
  });
});
