import type { AppState, PageRead, PlatformId } from '../types';

/** One platform's reader: which URLs it knows and what it reads from a document. */
export interface PlatformAdapter {
  id: PlatformId;
  /** Beyond the manifest's match patterns: is this URL one where a call can happen? */
  isCallUrl(url: URL): boolean;
  /** Read the document. Must not throw for any DOM (callers still guard). */
  read(doc: Document, app: AppState): PageRead;
}

export function emptyRead(platform: PlatformId): PageRead {
  return {
    platform,
    phase: 'unknown',
    phaseEvidence: [],
    e2ee: null,
    recording: null,
    transcription: null,
    participants: [],
    meetingOpen: null,
    unreadable: [],
  };
}
