import { PLATFORM_BLOCKED, PLATFORM_NOT_ALLOWED, say } from '../evidence';
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
    evidence: [blocked ? say(PLATFORM_BLOCKED, platform) : say(PLATFORM_NOT_ALLOWED, platform, policy.allowedPlatforms.join(', '))],
  };
};
