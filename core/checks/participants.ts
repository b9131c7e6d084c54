import { LABELLED, say } from '../evidence';
import type { FindingId, ParticipantKind, Severity } from '../types';
import type { Check } from './context';

/** The finding for one kind of flagged participant, naming each with the reason. */
export function participantCheck(kind: ParticipantKind, id: FindingId, severity: Severity): Check {
  return ({ participants }) => {
    const matching = participants.filter((p) => p.kind === kind);
    if (matching.length === 0) return null;
    return {
      id,
      severity,
      source: 'ui',
      evidence: matching.map((p) => (p.name ? say(LABELLED, p.name, p.evidence) : p.evidence)),
    };
  };
}
