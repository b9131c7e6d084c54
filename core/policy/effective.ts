import { DEFAULT_POLICY } from './defaults';
import type { Policy, PolicyKey } from './types';
import { validatePolicyInput } from './validate';
import type { PolicyDiagnostic } from './validate';

export { isPolicyKey } from './validate';

export interface EffectivePolicy {
  policy: Policy;
  /** Keys the organisation set: the options page shows them read-only. */
  locked: PolicyKey[];
  diagnostics: PolicyDiagnostic[];
}

/** Defaults, then the user's valid settings, then the organisation's, which win and lock. */
export function effectivePolicy(user: unknown, admin: unknown): EffectivePolicy {
  const fromUser = validatePolicyInput(user, 'user');
  const fromAdmin = validatePolicyInput(admin, 'admin');
  // Severity merges per finding: the admin's entries replace the user's, and the user's other
  // overrides still apply. The lock is still for the whole key, as locks are per setting, so once
  // the admin sets any severity the user can no longer edit the rest.
  const severity = { ...fromUser.values.severity, ...fromAdmin.values.severity };
  return {
    // A copy, so no caller can change the shared defaults through the result.
    policy: { ...structuredClone(DEFAULT_POLICY), ...fromUser.values, ...fromAdmin.values, severity },
    locked: (Object.keys(DEFAULT_POLICY) as PolicyKey[]).filter((key) => Object.hasOwn(fromAdmin.values, key)),
    diagnostics: [...fromUser.diagnostics, ...fromAdmin.diagnostics],
  };
}

/**
 * The support message in the user's language: the exact tag ("de-AT"), then its language ("de"),
 * then English, then the first one given.
 */
export function supportMessageIn(message: Policy['supportMessage'], language: string): string {
  if (typeof message === 'string') return message;
  const tag = language.toLowerCase();
  const byTag = new Map(Object.entries(message).map(([key, text]) => [key.toLowerCase(), text]));
  return byTag.get(tag) ?? byTag.get(tag.split('-')[0]!) ?? byTag.get('en') ?? Object.values(message)[0] ?? '';
}
