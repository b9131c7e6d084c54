import type { AppState } from '../types';

/**
 * Jitsi's own state (window.APP, read by the main-world probe): its E2EE label has no text.
 * Values are sent as they are: the isolated world keeps only those of the expected types
 * (core/channel.ts).
 */
export function readJitsiAppState(win: unknown): AppState {
  try {
    const app = (win as { APP?: JitsiApp } | null)?.APP;
    const state = app?.store?.getState?.();
    if (!state) return {};
    const feature = (name: string) => state[`features/${name}`] ?? {};
    const remote = feature('base/participants').remote ?? [];
    const conference = feature('base/conference');
    const lobby = feature('lobby');
    return {
      jitsi: {
        joined: app?.conference?.isJoined?.(),
        e2eeEnabled: feature('e2ee').enabled,
        phoneParticipants: [...(remote instanceof Map ? remote.values() : Object.values(remote))]
          .filter((p) => p?.isJigasi)
          .map((p) => String(p.name ?? p.id)),
        recording: (feature('recording').sessionDatas ?? []).some(
          (session: { status?: string; mode?: string }) => session?.status === 'on' && session.mode === 'file',
        ),
        transcribing: feature('transcribing').isTranscribing,
        lobbyKnocking: lobby.knocking,
        lobbyEnabled: lobby.lobbyEnabled,
        passwordLocked: 'locked' in conference ? !!conference.locked : undefined,
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

