import { browser } from 'wxt/browser';
import { verdictOf } from '../core/severity';
import type { E2eeState, FindingId, Level, PlatformId } from '../core/types';

/** A string from _locales in the browser's language; the key itself if it is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    // Keys are built from ids at run time, so the generated key union cannot check them.
    return browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    return key;
  }
}

/** Message keys are ids with "-" turned into "_" (message names allow only [A-Za-z0-9_@]). */
export const messageKey = (id: string) => id.replace(/-/g, '_');
export const findingTitle = (id: FindingId) => t(`finding_${messageKey(id)}`);
/** What to do, as far as this platform lets a participant: its own advice where there is one. */
export function findingAdvice(id: FindingId, platform: PlatformId | null): string {
  // A missing key comes back as the key itself.
  const specific = platform ? t(`advice_${messageKey(id)}_${messageKey(platform)}`) : '';
  return specific && !specific.startsWith('advice_') ? specific : t(`advice_${messageKey(id)}`);
}
export const levelVerdict = (level: Level, e2ee: E2eeState) => t(`verdict_${verdictOf(level, e2ee)}`);
export const platformName = (id: PlatformId) => t(`platform_${messageKey(id)}`);

/** The browser's UI language (also for dates and times), or undefined where it cannot be read. */
export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

/** "10:15:02" in the UI language's clock; the raw text if it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'medium' }).format(date);
  } catch {
    return date.toLocaleTimeString();
  }
}
