import type { FindingId, PlatformId, Severity } from '../types';

export type BannerMode = 'always' | 'risk' | 'off';

/** A self-hosted or extra conference site: a match pattern and the adapter to use there. */
export interface ConferenceSite {
  /** A WebExtension match pattern, e.g. "https://meet.example.org/*". */
  pattern: string;
  platform: PlatformId;
}

/**
 * CallGuard's settings. The same keys come from defaults, the user (options page) and the
 * organisation (managed storage); public/managed_schema.json describes them for admins.
 */
export interface Policy {
  requireE2EE: boolean;
  /** IPv4/IPv6 CIDRs of the organisation's egress networks. Empty: not checked. */
  trustedNetworks: string[];
  /** Count a connection whose network type is "vpn" as trusted. */
  trustVpn: boolean;
  /** IANA time zones of home; empty: not checked. */
  homeTimeZones: string[];
  /** Empty: every platform allowed. */
  allowedPlatforms: PlatformId[];
  blockedPlatforms: PlatformId[];
  conferenceSites: ConferenceSite[];
  banner: BannerMode;
  /** Per-finding severity overrides. */
  severity: Partial<Record<FindingId, Severity>>;
  acknowledgeDanger: boolean;
  /** SHA-256 fingerprints (hex, colons optional) of corporate TLS-inspection roots. */
  trustedInterceptionRoots: string[];
  /** One message for everyone, or one per language ({"en": …, "de": …}); shown in the banner. */
  supportMessage: SupportMessage;
  supportUrl: string;
  /**
   * Platforms on which the organisation accepts provider encryption: there `e2ee-off` (the
   * provider can access the media, the normal case) is info and never raises the banner.
   */
  acceptProviderEncryption: PlatformId[];
  /** Confirm in CallGuard before the platform's join button works, when the known findings reach this level. */
  confirmBeforeJoin: ConfirmBeforeJoin;
  /** "Export report" may include participant names and numbers when the user asks; false: always placeholders. */
  allowNamesInExport: boolean;
}

export type SupportMessage = string | Record<string, string>;
export const CONFIRM_LEVELS = ['off', 'warning', 'danger'] as const;
export type ConfirmBeforeJoin = (typeof CONFIRM_LEVELS)[number];

export type PolicyKey = keyof Policy;
