import { LABELLED, say } from '../evidence';
import type { Check } from './context';

/**
 * The call is recorded or streamed: the page says so (its indicator, a consent notice, a live
 * stream, a participant recording locally), or a recording bot is in the call.
 */
export const recording: Check = ({ pages, participants }) => {
  const shown = pages.flatMap((p) => p.recording?.evidence ?? []);
  const bots = participants.filter((p) => p.kind === 'recorder').map((p) => say(LABELLED, p.name, p.evidence));
  const evidence = [...shown, ...bots];
  return evidence.length ? { id: 'recording', severity: 'warning', source: 'ui', evidence } : null;
};
