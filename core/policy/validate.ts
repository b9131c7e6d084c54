import { isValidMatchPattern } from '../match-pattern';
import ipaddr from 'ipaddr.js';
import { FINDING_IDS, PLATFORM_IDS, SEVERITIES } from '../types';
import type { FindingId, PlatformId, Severity } from '../types';
import { DEFAULT_POLICY } from './defaults';
import { CONFIRM_LEVELS, type BannerMode, type ConferenceSite, type ConfirmBeforeJoin, type Policy, type PolicyKey, type SupportMessage } from './types';

export type PolicyOrigin = 'user' | 'admin';

/** Something in a settings object that was ignored; shown on the options page, never fatal. */
export interface PolicyDiagnostic {
  origin: PolicyOrigin;
  /** The setting's name as given; '' when the whole input is not a settings object. */
  key: string;
  problem: 'unknown-key' | 'wrong-type' | 'invalid-value';
  detail: string;
}

export interface ValidatedPolicyInput {
  values: Partial<Policy>;
  diagnostics: PolicyDiagnostic[];
}

type Problem = Exclude<PolicyDiagnostic['problem'], 'unknown-key'>;
type Note = (problem: Problem, detail: string) => void;
/** Returns the usable value, or undefined (after a note) when the setting must be ignored. */
type Check<T> = (value: unknown, note: Note) => T | undefined;

const BANNER_MODES: readonly BannerMode[] = ['always', 'risk', 'off'];

// Scheme http, https or *; host *, *.name or name. No port: Firefox rejects one, and Chrome
// matches every port when there is none.

export function isPolicyKey(key: string): key is PolicyKey {
  // hasOwn, not `in`: "toString" or "__proto__" must not pass as settings.
  return Object.hasOwn(DEFAULT_POLICY, key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** A short rendering of a value for diagnostics. */
function describe(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // Cycles and BigInt: fall back to the type below.
  }
  if (text === undefined) return typeof value;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function wrongType(note: Note, expected: string, value: unknown): undefined {
  note('wrong-type', `expected ${expected}, got ${describe(value)}; ignored`);
  return undefined;
}

const booleanCheck: Check<boolean> = (value, note) =>
  typeof value === 'boolean' ? value : wrongType(note, 'true or false', value);

/** A list whose invalid items are dropped one by one, keeping the rest. */
function listOf<T>(what: string, item: (value: unknown) => T | undefined): Check<T[]> {
  return (value, note) => {
    if (!Array.isArray(value)) return wrongType(note, 'a list', value);
    const kept: T[] = [];
    for (const [index, raw] of value.entries()) {
      const ok = item(raw);
      if (ok === undefined) note('invalid-value', `item ${index}, ${describe(raw)}, is not ${what}; ignored`);
      else kept.push(ok);
    }
    return kept;
  };
}

function cidr(value: unknown): string | undefined {
  // Four-part decimal IPv4 only: ipaddr.js reads "010.0.0.0/8" as octal (8.0.0.0/8) and "10/8"
  // as 0.0.0.10/8, which is not what an admin who wrote them meant.
  if (typeof value !== 'string') return undefined;
  return ipaddr.IPv6.isValidCIDR(value) || ipaddr.IPv4.isValidCIDRFourPartDecimal(value) ? value : undefined;
}

let knownZones: Set<string> | undefined;

function timeZone(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  knownZones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  if (knownZones.has(value)) return value;
  // The list has canonical names only; the formatter also takes aliases (Asia/Calcutta) and any
  // case, and gives the spelling the browser itself reports.
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function platformId(value: unknown): PlatformId | undefined {
  return isOneOf(PLATFORM_IDS, value) ? value : undefined;
}

function fingerprint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = value.replaceAll(':', '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

function conferenceSite(value: unknown): ConferenceSite | undefined {
  if (!isRecord(value)) return undefined;
  const { pattern, platform } = value;
  if (typeof pattern !== 'string' || !isWebPattern(pattern) || !isOneOf(PLATFORM_IDS, platform)) return undefined;
  return { pattern, platform };
}

const bannerCheck: Check<BannerMode> = (value, note) => {
  if (typeof value !== 'string') return wrongType(note, 'a string', value);
  if (isOneOf(BANNER_MODES, value)) return value;
  note('invalid-value', `${describe(value)} is not one of ${BANNER_MODES.join(', ')}; ignored`);
  return undefined;
};

const severityCheck: Check<Partial<Record<FindingId, Severity>>> = (value, note) => {
  if (!isRecord(value)) return wrongType(note, 'an object of finding id to severity', value);
  const kept: Partial<Record<FindingId, Severity>> = {};
  for (const [id, severity] of Object.entries(value)) {
    if (!isOneOf(FINDING_IDS, id)) note('invalid-value', `${describe(id)} is not a finding id; ignored`);
    else if (!isOneOf(SEVERITIES, severity)) {
      note('invalid-value', `${id}: ${describe(severity)} is not one of ${SEVERITIES.join(', ')}; ignored`);
    } else kept[id] = severity;
  }
  return kept;
};

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A language tag such as "en", "de", "fr-CA". */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * One message, or one per language: an object {"en": …, "de": …}, or the same object written as
 * a JSON string (Chrome's policy schema allows one type per setting, so admins of Chrome and Edge
 * give the per-language form as text).
 */
const supportMessageCheck: Check<SupportMessage> = (value, note) => {
  let messages = value;
  if (typeof value === 'string') {
    if (!/^\s*\{/.test(value)) return value;
    try {
      messages = JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (!isRecord(messages)) return wrongType(note, 'a string, or an object of language to string', value);
  const kept: Record<string, string> = {};
  for (const [language, text] of Object.entries(messages)) {
    if (LANGUAGE.test(language) && typeof text === 'string') kept[language] = text;
    else note('invalid-value', `${describe(language)}: ${describe(text)} is not a language tag with a message; ignored`);
  }
  return kept;
};

const confirmCheck: Check<ConfirmBeforeJoin> = (value, note) => {
  if (typeof value !== 'string') return wrongType(note, 'a string', value);
  if (isOneOf(CONFIRM_LEVELS, value)) return value;
  note('invalid-value', `${describe(value)} is not one of ${CONFIRM_LEVELS.join(', ')}; ignored`);
  return undefined;
};

const supportUrlCheck: Check<string> = (value, note) => {
  if (typeof value !== 'string') return wrongType(note, 'a string', value);
  // '' means no link, as in the defaults.
  if (value === '' || isHttpsUrl(value)) return value;
  note('invalid-value', `${describe(value)} is not an https:// URL; ignored`);
  return undefined;
};

const CHECKS: { [K in PolicyKey]: Check<Policy[K]> } = {
  requireE2EE: booleanCheck,
  trustedNetworks: listOf('a CIDR such as "203.0.113.0/24" or "2001:db8::/32"', cidr),
  trustVpn: booleanCheck,
  homeTimeZones: listOf('an IANA time zone such as "Europe/Paris"', timeZone),
  allowedPlatforms: listOf('a platform id', platformId),
  blockedPlatforms: listOf('a platform id', platformId),
  conferenceSites: listOf(
    'a {pattern, platform} with a match pattern such as "https://meet.example.org/*" and a platform id',
    conferenceSite,
  ),
  banner: bannerCheck,
  severity: severityCheck,
  acknowledgeDanger: booleanCheck,
  allowNamesInExport: booleanCheck,
  trustedInterceptionRoots: listOf('a SHA-256 fingerprint (64 hex digits, colons optional)', fingerprint),
  supportMessage: supportMessageCheck,
  supportUrl: supportUrlCheck,
  acceptProviderEncryption: listOf('a platform id', platformId),
  confirmBeforeJoin: confirmCheck,
};

function checkSetting<K extends PolicyKey>(key: K, value: unknown, note: Note, values: Partial<Policy>): void {
  const checked = CHECKS[key](value, note);
  if (checked !== undefined) values[key] = checked;
}

/**
 * Keeps the usable settings of raw user or managed storage and lists everything ignored. A list
 * with some bad items keeps its good ones; it is still "set", even if nothing was left.
 * Never throws: policy comes from outside and must not stop the extension.
 */
export function validatePolicyInput(raw: unknown, origin: PolicyOrigin): ValidatedPolicyInput {
  const values: Partial<Policy> = {};
  const diagnostics: PolicyDiagnostic[] = [];
  const add = (key: string, problem: PolicyDiagnostic['problem'], detail: string) =>
    diagnostics.push({ origin, key, problem, detail });

  // Firefox gives undefined when no policy is set.
  if (raw === undefined || raw === null) return { values, diagnostics };
  if (!isRecord(raw)) {
    add('', 'wrong-type', `expected an object of settings, got ${describe(raw)}; ignored`);
    return { values, diagnostics };
  }
  try {
    for (const key of Object.keys(raw)) {
      if (isPolicyKey(key)) checkSetting(key, raw[key], (problem, detail) => add(key, problem, detail), values);
      else add(key, 'unknown-key', 'not a CallGuard setting; ignored');
    }
  } catch {
    // Only exotic objects (throwing getters, proxies) get here; storage never holds them.
    add('', 'invalid-value', 'the settings could not be read; the rest were ignored');
  }
  return { values, diagnostics };
}

/** A match pattern for web pages (http, https or both), as conferenceSites take. */
function isWebPattern(pattern: string): boolean {
  return isValidMatchPattern(pattern) && /^(\*|https?):\/\/[^\s]+$/i.test(pattern);
}
