import { CAPTIVE_LOCKED, CAPTIVE_SOURCE, CAPTIVE_UNLOCKED } from '../evidence';
import type { Check } from './context';

/** Firefox only: the browser's own captive-portal detection says this is a hotel/airport-style network. */
export const captivePortal: Check = ({ browserNetwork }) => {
  const state = browserNetwork.captivePortal;
  if (state !== 'locked_portal' && state !== 'unlocked_portal') return null;
  return {
    id: 'captive-portal',
    severity: 'warning',
    source: 'network',
    evidence: [state === 'locked_portal' ? CAPTIVE_LOCKED : CAPTIVE_UNLOCKED, CAPTIVE_SOURCE],
  };
};
