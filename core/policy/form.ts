import { FINDING_IDS, PLATFORM_IDS, SEVERITIES } from '../types';
import type { FindingId, PlatformId, Severity } from '../types';
import { DEFAULT_POLICY } from './defaults';
import type { BannerMode, ConfirmBeforeJoin, Policy, PolicyKey } from './types';
import { validatePolicyInput } from './validate';

/**
 * The options page's form, kept apart from Preact so it can be tested as plain data: what each
 * control holds, how its text becomes a setting, which entries are wrong, and what is saved.
 */

export const POLICY_KEYS = Object.keys(DEFAULT_POLICY) as PolicyKey[];

/** The settings that are edited as text with one entry per line. */
export const LINE_LIST_KEYS = ['trustedNetworks', 'homeTimeZones', 'trustedInterceptionRoots'] as const;
export type LineListKey = (typeof LINE_LIST_KEYS)[number];

export interface SiteRow {
  pattern: string;
  platform: PlatformId;
}

/** What the controls hold: lists of free text as one string with a line per entry. */
export interface PolicyForm {
  requireE2EE: boolean;
  trustedNetworks: string;
  trustVpn: boolean;
  homeTimeZones: string;
  allowedPlatforms: PlatformId[];
  blockedPlatforms: PlatformId[];
  conferenceSites: SiteRow[];
  banner: BannerMode;
  /** A finding without an entry keeps its built-in severity. */
  severity: Partial<Record<FindingId, Severity>>;
  acknowledgeDanger: boolean;
  trustedInterceptionRoots: string;
  /** One message, or the per-language form as JSON text. */
  supportMessage: string;
  supportUrl: string;
  acceptProviderEncryption: PlatformId[];
  confirmBeforeJoin: ConfirmBeforeJoin;
  allowNamesInExport: boolean;
}

/** An input error: an i18n message key and the entries it is about (its $1). */
export interface FieldError {
  message: string;
  items: string[];
}

export type FormErrors = Partial<Record<PolicyKey, FieldError>>;

/** The snake_case name of a setting in message keys: options_setting_<name>, options_error_<name>. */
export const SETTING_MESSAGE_NAMES: Record<PolicyKey, string> = {
  requireE2EE: 'require_e2ee',
  trustedNetworks: 'trusted_networks',
  trustVpn: 'trust_vpn',
  homeTimeZones: 'home_time_zones',
  allowedPlatforms: 'allowed_platforms',
  blockedPlatforms: 'blocked_platforms',
  conferenceSites: 'conference_sites',
  banner: 'banner',
  severity: 'severity',
  acknowledgeDanger: 'acknowledge_danger',
  trustedInterceptionRoots: 'trusted_interception_roots',
  supportMessage: 'support_message',
  supportUrl: 'support_url',
  acceptProviderEncryption: 'accept_provider_encryption',
  confirmBeforeJoin: 'confirm_before_join',
  allowNamesInExport: 'allow_names_in_export',
};

export function formFromPolicy(policy: Policy): PolicyForm {
  return {
    ...policy,
    trustedNetworks: policy.trustedNetworks.join('\n'),
    homeTimeZones: policy.homeTimeZones.join('\n'),
    trustedInterceptionRoots: policy.trustedInterceptionRoots.join('\n'),
    allowedPlatforms: [...policy.allowedPlatforms],
    blockedPlatforms: [...policy.blockedPlatforms],
    acceptProviderEncryption: [...policy.acceptProviderEncryption],
    supportMessage: typeof policy.supportMessage === 'string' ? policy.supportMessage : JSON.stringify(policy.supportMessage),
    conferenceSites: policy.conferenceSites.map((site) => ({ ...site })),
    severity: { ...policy.severity },
  };
}

/** The entries of a one-per-line text: trimmed, blank lines and commas as separators dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Validates one setting as the background will; the value the validator keeps, if any. */
function validOne<K extends PolicyKey>(key: K, value: unknown): Policy[K] | undefined {
  const { values, diagnostics } = validatePolicyInput({ [key]: value }, 'user');
  return diagnostics.length === 0 ? (values[key] as Policy[K] | undefined) : undefined;
}

function parseLineList(key: LineListKey, text: string): { value?: string[]; error?: FieldError } {
  const entries = splitLines(text);
  const bad = entries.filter((entry) => validOne(key, [entry]) === undefined);
  if (bad.length > 0) return { error: { message: `options_error_${SETTING_MESSAGE_NAMES[key]}`, items: bad } };
  // The validator's spelling: canonical time zones, fingerprints without colons, in lower case.
  const normalised = validOne(key, entries) ?? [];
  return { value: [...new Set(normalised)] };
}

export interface ParsedForm {
  /** The settings the form describes, where they are valid (the rest stay as they were). */
  values: Policy;
  errors: FormErrors;
}

/**
 * Reads the form back into settings and checks every entry with the same validator that reads
 * storage, so the page can never save what the background would ignore.
 */
export function parseForm(form: PolicyForm, fallback: Policy = DEFAULT_POLICY, locked: readonly PolicyKey[] = []): ParsedForm {
  const errors: FormErrors = {};
  const values: Policy = structuredClone(fallback);
  for (const key of LINE_LIST_KEYS) {
    const { value, error } = parseLineList(key, form[key]);
    if (error) errors[key] = error;
    else if (value) values[key] = value;
  }

  const sites = form.conferenceSites.filter((row) => row.pattern.trim() !== '');
  const badSites = sites.filter((row) => validOne('conferenceSites', [{ ...row, pattern: row.pattern.trim() }]) === undefined);
  if (badSites.length > 0) {
    errors.conferenceSites = { message: 'options_error_conference_sites', items: badSites.map((row) => row.pattern.trim()) };
  } else {
    const seen = new Set<string>();
    values.conferenceSites = sites
      .map((row) => ({ pattern: row.pattern.trim(), platform: row.platform }))
      .filter((row) => !seen.has(row.pattern) && seen.add(row.pattern));
  }

  const supportUrl = form.supportUrl.trim();
  if (validOne('supportUrl', supportUrl) === undefined) {
    errors.supportUrl = { message: 'options_error_support_url', items: [supportUrl] };
  } else values.supportUrl = supportUrl;

  // Both lists may come from the organisation; the error goes where the user can correct it.
  const both = form.allowedPlatforms.filter((id) => form.blockedPlatforms.includes(id));
  if (both.length > 0) {
    const where = locked.includes('blockedPlatforms') ? 'allowedPlatforms' : 'blockedPlatforms';
    errors[where] = { message: 'options_error_platforms_both', items: both };
  } else {
    // In the order of the platform list, whatever order they were ticked in.
    values.allowedPlatforms = PLATFORM_IDS.filter((id) => form.allowedPlatforms.includes(id));
    values.blockedPlatforms = PLATFORM_IDS.filter((id) => form.blockedPlatforms.includes(id));
  }

  values.severity = {};
  for (const id of FINDING_IDS) {
    const severity = form.severity[id];
    if (severity !== undefined && (SEVERITIES as readonly string[]).includes(severity)) values.severity[id] = severity;
  }
  values.requireE2EE = form.requireE2EE;
  values.trustVpn = form.trustVpn;
  values.acknowledgeDanger = form.acknowledgeDanger;
  values.allowNamesInExport = form.allowNamesInExport;
  values.banner = form.banner;
  values.confirmBeforeJoin = form.confirmBeforeJoin;
  values.acceptProviderEncryption = PLATFORM_IDS.filter((id) => form.acceptProviderEncryption.includes(id));
  const supportMessage = validOne('supportMessage', form.supportMessage.trim());
  if (supportMessage === undefined) errors.supportMessage = { message: 'options_error_support_message', items: [form.supportMessage.trim()] };
  else values.supportMessage = supportMessage;
  // Locked settings hold the organisation's values; nothing the user could correct.
  for (const key of locked) delete errors[key];
  return { values, errors };
}

/**
 * What goes to storage.local 'userSettings': the settings the user may change that differ from
 * the defaults. For settings the organisation locked, the user's earlier choice is kept as it
 * was (it applies again if the organisation lifts the lock); admin values are never copied in.
 */
export function userSettingsToSave(values: Policy, locked: readonly PolicyKey[], previousUser: unknown): Partial<Policy> {
  const previous = validatePolicyInput(previousUser, 'user').values;
  const saved: Partial<Policy> = {};
  for (const key of POLICY_KEYS) {
    if (locked.includes(key)) {
      if (Object.hasOwn(previous, key)) copy(saved, previous, key);
    } else if (JSON.stringify(values[key]) !== JSON.stringify(DEFAULT_POLICY[key])) {
      copy(saved, values, key);
    }
  }
  return saved;
}

function copy<K extends PolicyKey>(to: Partial<Policy>, from: Partial<Policy>, key: K): void {
  to[key] = structuredClone(from[key]);
}

/**
 * The form after the stored settings changed while the user was editing: the edits stay, but
 * every locked setting shows the organisation's value.
 */
export function withLockedValues(form: PolicyForm, policy: Policy, locked: readonly PolicyKey[]): PolicyForm {
  const fresh = formFromPolicy(policy);
  const next: PolicyForm = { ...form };
  for (const key of locked) copyFormValue(next, fresh, key);
  return next;
}

function copyFormValue<K extends PolicyKey>(to: PolicyForm, from: PolicyForm, key: K): void {
  to[key] = from[key];
}
