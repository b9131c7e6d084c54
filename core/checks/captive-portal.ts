import type { Check } from './context';

export const captivePortal: Check = ({ browserNetwork }) => {
  const state = browserNetwork.captivePortal;
  if (state !== 'locked_portal' && state !== 'unlocked_portal') return null;
  return {
    id: 'captive-portal',
    severity: 'warning',
    source: 'network',
    evidence: [`the browser reports a captive portal (${state}): a hotel, airport or café network`],
  };
};
