import { browser } from 'wxt/browser';
import type { Level, Report } from '../../core/types';

const BADGE: Record<Level, { text: string; color: string }> = {
  danger: { text: '!', color: '#b3261e' },
  warning: { text: '!', color: '#a15c00' },
  unknown: { text: '?', color: '#5f6368' },
  ok: { text: '✓', color: '#146c2e' },
};

/** The toolbar badge of one tab: the report's level in a call, nothing outside one. */
export async function updateBadge(tabId: number, report: Report | null): Promise<void> {
  const badge = report?.inCall ? BADGE[report.level] : null;
  try {
    await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setTitle({
      tabId,
      title: browser.i18n.getMessage(report?.inCall ? `badge_title_${report.level}` : 'extensionName'),
    });
  } catch {
    // The tab closed meanwhile.
  }
}
