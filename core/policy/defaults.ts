import type { Policy } from './types';

/** Settings for someone without an organisation policy: every check that needs org data is off. */
export const DEFAULT_POLICY: Policy = {
  requireE2EE: false,
  trustedNetworks: [],
  trustVpn: false,
  homeTimeZones: [],
  allowedPlatforms: [],
  blockedPlatforms: [],
  conferenceSites: [],
  banner: 'risk',
  severity: {},
  acknowledgeDanger: false,
  trustedInterceptionRoots: [],
  supportMessage: '',
  supportUrl: '',
  acceptProviderEncryption: [],
  confirmBeforeJoin: 'off',
  allowNamesInExport: true,
};
