import type { Check } from './context';

/** Firefox only: the browser's own captive-portal detection says this is a hotel/airport-style network. */
export const captivePortal: Check = ({ browserNetwork }) => {
  const state = browserNetwork.captivePortal;
  if (state !== 'locked_portal' && state !== 'unlocked_portal') return null;
  return {
    id: 'captive-portal',
    severity: 'warning',
    source: 'network',
    evidence: [
      state === 'locked_portal'
        ? 'the browser reports a captive portal that is not logged in yet (locked_portal): a hotel, airport or café network'
        : 'the browser reports a captive portal that was logged in to (unlocked_portal): a hotel, airport or café network',
      'read from the browser\'s captive-portal detection (Firefox captivePortal API)',
    ],
  };
};
