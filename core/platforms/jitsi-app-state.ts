import type { AppState, JitsiParticipant } from '../types';

/**
 * Jitsi Meet's own state (window.APP, read by the main-world probe): its E2EE, recording and
 * phone-participant indicators are icons without text, so the app's redux store is the reliable
 * source (jitsi-meet react/features/*; test/fixtures/jitsi/SOURCES.md). Values are sent as they
 * are: the isolated world keeps only those of the expected types (core/channel.ts).
 */
export function readJitsiAppState(win: unknown): AppState {
  try {
    const app = (win as { APP?: JitsiApp } | null)?.APP;
    const state = app?.store?.getState?.();
    if (!state) return {};
    const feature = (name: string) => state[`features/${name}`] ?? {};
    const people = feature('base/participants');
    const remote = people.remote ?? [];
    const sessions: { mode?: string; status?: string }[] = feature('recording').sessionDatas ?? [];
    // A session that is on or about to be (Jitsi's own getActiveSession).
    const running = (mode: string) => sessions.some((s) => s?.mode === mode && (s.status === 'on' || s.status === 'pending'));
    const lobby = feature('lobby');
    const conference = feature('base/conference');
    return {
      jitsi: {
        joined: app?.conference?.isJoined?.() === true,
        e2eeEnabled: feature('e2ee').enabled,
        e2eeDisabledCount: people.numberOfParticipantsDisabledE2EE,
        participants: [...(remote instanceof Map ? remote.values() : Object.values(remote))]
          .filter((p) => p && !p.fakeParticipant)
          .map(
            (p): JitsiParticipant => ({
              name: String(p.name ?? p.displayName ?? p.id),
              phone: p.isJigasi === true,
              e2ee: p.e2eeEnabled,
              localRecording: p.localRecording === true,
            }),
          ),
        fileRecording: running('file'),
        liveStreaming: running('stream'),
        transcribing: feature('transcribing').isTranscribing,
        lobbyKnocking: lobby.knocking,
        lobbyEnabled: lobby.lobbyEnabled,
        passwordLocked: 'locked' in conference ? !!conference.locked : undefined,
        prejoin: feature('prejoin').showPrejoin,
      },
    };
  } catch {
    return {};
  }
}

interface JitsiApp {
  conference?: { isJoined?: () => boolean };
  store?: { getState?: () => Record<string, any> };
}
