// browser.i18n for unit tests: WXT's fakeBrowser does not implement it, so component tests read
// the real public/_locales/<lang>/messages.json the way the browser does (placeholders and $1…$9
// substitutions). Production code is unchanged: components/i18n.ts always asks browser.i18n.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../../public/_locales');
export const LANGUAGES = ['en', 'fr', 'de'] as const;

export interface LocaleEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, LocaleEntry>;

export function loadMessages(lang: string): Messages {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Messages;
}

/** chrome.i18n.getMessage: '' for an unknown key; $NAME$ → placeholder content, $n → substitution n. */
export function formatMessage(messages: Messages, key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const substitute = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = placeholders[name.toLowerCase()];
      return placeholder ? substitute(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

/** Installs browser.i18n for `lang` before each test of the calling file. */
export function useLocale(lang: string = 'en'): void {
  const messages = loadMessages(lang);
  beforeEach(() => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => formatMessage(messages, key, subs)) as never;
    fakeBrowser.i18n.getUILanguage = (() => lang) as never;
  });
}
