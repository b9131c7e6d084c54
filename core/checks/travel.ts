import { say, TRAVEL_HINT, TRAVEL_TIME_ZONE } from '../evidence';
import type { Check } from './context';

/** The device time zone is outside the organisation's home time zones: a hint of travel. */
export const travel: Check = ({ network, policy }) => {
  const zone = network.timeZone;
  if (!zone || policy.homeTimeZones.length === 0) return null;
  const here = canonicalZone(zone);
  if (policy.homeTimeZones.some((home) => canonicalZone(home) === here)) return null;
  return {
    id: 'travel',
    severity: 'info',
    source: 'network',
    evidence: [say(TRAVEL_TIME_ZONE, zone, policy.homeTimeZones.join(', ')), TRAVEL_HINT],
  };
};

/** One name per zone, so "Asia/Kolkata" and "Asia/Calcutta", "UTC" and "Etc/UTC" compare equal. */
export function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}
