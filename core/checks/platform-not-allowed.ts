import type { Check } from './context';

export const platformNotAllowed: Check = ({ platform, policy }) => {
  if (!platform) return null;
  const blocked = policy.blockedPlatforms.includes(platform);
  const notAllowed = policy.allowedPlatforms.length > 0 && !policy.allowedPlatforms.includes(platform);
  if (!blocked && !notAllowed) return null;
  return {
    id: 'platform-not-allowed',
    severity: 'danger',
    source: 'policy',
    evidence: [
      blocked
        ? `${platform} is blocked by your organisation`
        : `${platform} is not one of the platforms your organisation allows (${policy.allowedPlatforms.join(', ')})`,
    ],
  };
};
