import type { Check } from './context';

export const travel: Check = ({ network, policy }) => {
  const zone = network.timeZone;
  if (!zone || policy.homeTimeZones.length === 0 || policy.homeTimeZones.includes(zone)) return null;
  return {
    id: 'travel',
    severity: 'info',
    source: 'network',
    evidence: [`device time zone ${zone} is not one of the home time zones (${policy.homeTimeZones.join(', ')})`],
  };
};
