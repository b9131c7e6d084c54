import { browser } from 'wxt/browser';
import type { FindingId, Level } from '../core/types';

/** A string from _locales in the browser's language; the key itself if it is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    // Keys are built from ids at run time, so the generated key union cannot check them.
    return browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    return key;
  }
}

const messageKey = (id: string) => id.replace(/-/g, '_');
export const findingTitle = (id: FindingId) => t(`finding_${messageKey(id)}`);
export const findingAdvice = (id: FindingId) => t(`advice_${messageKey(id)}`);
export const levelVerdict = (level: Level) => t(`verdict_${level}`);
