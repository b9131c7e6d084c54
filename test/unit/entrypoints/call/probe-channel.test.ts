// @vitest-environment happy-dom
import { withStatsSummarized } from '../../../../core/rtc/summarize';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { factsEventType, HELLO_EVENT } from '../../../../core/channel';
import { connectProbe } from '../../../../entrypoints/call/probe-channel';

/** Plays the probe: learns the secret from the hello, then sends facts like the real one. */
function fakeProbe(doc: Document) {
  let secret = '';
  const onHello = (event: Event) => (secret = (event as CustomEvent).detail);
  doc.addEventListener(HELLO_EVENT, onHello);
  return {
    send(facts: object) {
      doc.dispatchEvent(new CustomEvent(factsEventType(secret), { detail: JSON.stringify(facts) }));
    },
    stop: () => doc.removeEventListener(HELLO_EVENT, onHello),
  };
}

const pair = (bytesSent: number, dtlsState = 'connected') => ({
  rtc: {
    connections: [
      {
        id: 'pc1',
        state: 'connected',
        senders: [{ kind: 'audio', live: true, transformed: false }],
        receivers: [],
        statsEntries: [
          { id: 'T', type: 'transport', selectedCandidatePairId: 'P', dtlsState },
          { id: 'P', type: 'candidate-pair', localCandidateId: 'L', bytesSent },
          { id: 'L', type: 'local-candidate', candidateType: 'host', networkType: 'wifi' },
        ],
      },
    ],
  },
  app: {},
});

describe('connectProbe', () => {
  let probe: ReturnType<typeof fakeProbe> | undefined;
  afterEach(() => probe?.stop());

  it('passes on only facts that say something new (stats counters alone do not)', () => {
    probe = fakeProbe(document);
    const onMessage = vi.fn();
    connectProbe(document, onMessage);
    probe.send(pair(100));
    probe.send(pair(100)); // the same answer again
    probe.send(pair(5000)); // the next poll: only a byte counter moved
    expect(onMessage).toHaveBeenCalledTimes(1);
    const stats = (call: number) => withStatsSummarized({ url: '', page: null, rtc: onMessage.mock.calls[call]![0].rtc }).rtc!.connections[0]!.stats;
    expect(stats(0)).toEqual({ localCandidateType: 'host', networkType: 'wifi', dtlsState: 'connected' });
    probe.send(pair(9000, 'closed')); // something that matters
    expect(onMessage).toHaveBeenCalledTimes(2);
    expect(stats(1)!.dtlsState).toBe('closed');
  });

  it('ignores malformed facts', () => {
    probe = fakeProbe(document);
    const onMessage = vi.fn();
    connectProbe(document, onMessage);
    probe.send({ rtc: 'nonsense' });
    expect(onMessage).not.toHaveBeenCalled();
  });
});
