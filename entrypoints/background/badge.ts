import { browser } from 'wxt/browser';
import { verdictOf } from '../../core/severity';
import type { Level, Report } from '../../core/types';

/** Badge text and colour per level; white text on each colour passes WCAG AA. */
export const BADGE: Record<Level, { text: string; color: string }> = {
  danger: { text: '!', color: '#b3261e' },
  warning: { text: '!', color: '#8a4f00' },
  unknown: { text: '?', color: '#5f6368' },
  ok: { text: '✓', color: '#146c2e' },
};

const SIZES = [16, 32, 48, 128] as const;
const iconPaths = (prefix: string) => Object.fromEntries(SIZES.map((size) => [size, `/icon/${prefix}${size}.png`]));

/** Toolbar icons (public/icon, made by scripts/make-icons.ts): the default, and one per level. */
export const DEFAULT_ICON: Record<number, string> = iconPaths('');
export const LEVEL_ICONS: Record<Level, Record<number, string>> = {
  danger: iconPaths('danger-'),
  warning: iconPaths('warning-'),
  ok: iconPaths('ok-'),
  unknown: iconPaths('unknown-'),
};

/** The toolbar icon, badge and title of one tab: the report's level in a call, the default outside one. */
export async function updateBadge(tabId: number, report: Report | null): Promise<void> {
  const level = report?.inCall ? report.level : null;
  const badge = level ? BADGE[level] : null;
  try {
    await browser.action.setIcon({ tabId, path: level ? LEVEL_ICONS[level] : DEFAULT_ICON });
  } catch {
    // The tab closed meanwhile, or the icon could not be read: the badge still tells.
  }
  try {
    await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
      await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    }
    await browser.action.setTitle({
      tabId,
      title: browser.i18n.getMessage(level ? `badge_title_${verdictOf(level, report!.e2ee)}` : 'extensionName'),
    });
  } catch {
    // The tab closed meanwhile.
  }
}
