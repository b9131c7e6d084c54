import type { FindingId, PageRead, Seen, Severity } from '../types';
import type { Check } from './context';

type FlagKey = 'recording' | 'transcription' | 'meetingOpen';

/** A finding for something any frame's page shows (recording, transcription, an open meeting). */
export function pageFlagCheck(key: FlagKey, id: FindingId, severity: Severity): Check {
  return ({ pages }) => {
    const seen = pages.map((p: PageRead) => p[key]).filter((s): s is Seen => s !== null);
    if (seen.length === 0) return null;
    return { id, severity, source: 'ui', evidence: seen.flatMap((s) => s.evidence) };
  };
}
