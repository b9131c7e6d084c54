import { factsEventType, HELLO_EVENT, PROBE_READY_EVENT, requestEventType } from '../../core/channel';
import { readJitsiAppState } from '../../core/platforms/jitsi-app-state';
import type { TrackFact } from '../../core/types';

type Win = Window & typeof globalThis;
type Endpoint = RTCRtpSender | RTCRtpReceiver;

const STATS_INTERVAL_MS = 2000;
/** The getStats() entries that say how this browser is connected (summarised in core/channel.ts). */
const LOCATING_STATS = /^(transport|candidate-pair|local-candidate)$/;

interface ConnectionMeta {
  id: string;
  statsEntries?: unknown[];
  timer?: number;
}
const WRAPPED = Symbol.for('callguard.wrapped');

/**
 * Wraps RTCPeerConnection in `win` (and in same-origin iframes reached through it) so that
 * every connection the page makes is seen, with a Proxy: `instanceof`, statics, `toString` and
 * subclassing behave exactly as before. Reads transforms through the native getters captured
 * here, before page scripts could replace them.
 */
export function installProbe(win: Win): void {
  const doc = win.document;
  // Primordials captured before any page script runs; page scripts may patch the globals later.
  const dispatch = EventTarget.prototype.dispatchEvent;
  const addListener = EventTarget.prototype.addEventListener;
  const removeListener = EventTarget.prototype.removeEventListener;
  const Custom = win.CustomEvent;
  const stringify = JSON.stringify;
  const setTimer = win.setTimeout.bind(win);

  const connections = new Map<RTCPeerConnection, ConnectionMeta>();
  const encodedStreams = new WeakSet<Endpoint>();
  const transformGetters = new Map<object, (this: Endpoint) => unknown>();
  let secret = '';
  let sendQueued = false;
  let nextId = 1;

  // Answers a request from the isolated world at once (dispatchEvent is synchronous, so the
  // content script reads fresh facts before it reads the page); page events are batched.
  const sendNow = () => {
    sendQueued = false;
    if (!secret) return;
    const message = stringify({ rtc: { connections: [...connections].map(describe) }, app: readJitsiAppState(win) });
    dispatch.call(doc, new Custom(factsEventType(secret), { detail: message }));
  };
  const send = () => {
    if (sendQueued || !secret) return;
    sendQueued = true;
    setTimer(() => sendQueued && sendNow(), 50);
  };

  const transformed = (endpoint: Endpoint): boolean => {
    if (encodedStreams.has(endpoint)) return true;
    const getter = transformGetters.get(Object.getPrototypeOf(endpoint));
    return !!getter && getter.call(endpoint) != null;
  };
  const trackFact = (endpoint: Endpoint, sending: boolean): TrackFact | null => {
    const track = endpoint.track;
    if (!track || (track.kind !== 'audio' && track.kind !== 'video')) return null;
    const live = track.readyState === 'live' && (sending || !track.muted);
    return { kind: track.kind, live, transformed: transformed(endpoint) };
  };
  const describe = ([pc, meta]: [RTCPeerConnection, ConnectionMeta]) => ({
    id: meta.id,
    state: pc.connectionState,
    senders: pc.getSenders().map((s) => trackFact(s, true)).filter((t): t is TrackFact => !!t),
    receivers: pc.getReceivers().map((r) => trackFact(r, false)).filter((t): t is TrackFact => !!t),
    statsEntries: meta.statsEntries,
  });

  const pollStats = (pc: RTCPeerConnection) => {
    const meta = connections.get(pc);
    if (!meta || meta.timer !== undefined) return;
    const tick = () => {
      meta.timer = undefined;
      if (pc.connectionState !== 'connected') return; // polling resumes on the next 'connected'
      pc.getStats().then(
        (report) => {
          meta.statsEntries = [...report.values()].filter((entry) => LOCATING_STATS.test(entry.type));
          send();
        },
        () => {},
      );
      meta.timer = setTimer(tick, STATS_INTERVAL_MS);
    };
    tick();
  };

  const observe = (pc: RTCPeerConnection) => {
    if (connections.has(pc)) return;
    connections.set(pc, { id: `pc${nextId++}` });
    const onChange = () => {
      if (pc.connectionState === 'closed') connections.delete(pc);
      else if (pc.connectionState === 'connected') pollStats(pc);
      send();
    };
    addListener.call(pc, 'connectionstatechange', onChange);
    addListener.call(pc, 'track', send);
    addListener.call(pc, 'negotiationneeded', send);
    send();
  };

  const wrapRealm = (realm: Win) => {
    const Native = realm.RTCPeerConnection;
    if (!Native || (Native as unknown as Record<symbol, unknown>)[WRAPPED]) return;
    maskToString(realm);
    const wrapped = new Proxy(Native, {
      construct(target, args, newTarget) {
        const pc = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
        safely(() => observe(pc));
        return pc;
      },
      get: (target, key, receiver) => (key === WRAPPED ? true : Reflect.get(target, key, receiver)),
    });
    originals.set(wrapped, Native);
    for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection'] as const) {
      const descriptor = Object.getOwnPropertyDescriptor(realm, name);
      if (descriptor?.value === Native) Object.defineProperty(realm, name, { ...descriptor, value: wrapped });
    }
    // Connections made from a constructor captured elsewhere still negotiate: catch them there.
    for (const method of ['setLocalDescription', 'setRemoteDescription'] as const) {
      hookMethod(Native.prototype, method, (pc) => observe(pc as RTCPeerConnection));
    }
    for (const Endpoint of [realm.RTCRtpSender, realm.RTCRtpReceiver]) {
      if (!Endpoint) continue;
      hookMethod(Endpoint.prototype, 'createEncodedStreams', (endpoint) => {
        encodedStreams.add(endpoint as Endpoint);
        send();
      });
      const transform = Object.getOwnPropertyDescriptor(Endpoint.prototype, 'transform');
      if (transform?.get) transformGetters.set(Endpoint.prototype, transform.get as (this: Endpoint) => unknown);
      if (transform?.set) hookAccessor(Endpoint.prototype, 'transform', 'set', transform, send);
    }
    // A fresh same-origin iframe has pristine constructors: wrap them as soon as the page reaches in.
    const frameProto = realm.HTMLIFrameElement?.prototype;
    for (const property of ['contentWindow', 'contentDocument'] as const) {
      const descriptor = frameProto && Object.getOwnPropertyDescriptor(frameProto, property);
      if (!descriptor?.get) continue;
      hookAccessor(frameProto, property, 'get', descriptor, (_frame, value) => {
        const child = property === 'contentWindow' ? (value as Win | null) : ((value as Document | null)?.defaultView as Win | null);
        if (child) wrapRealm(child);
      });
    }
  };

  wrapRealm(win);

  // Handshake with the isolated content script (see core/channel.ts).
  const onHello = (event: Event) => {
    const detail = (event as CustomEvent).detail;
    if (secret || typeof detail !== 'string') return;
    secret = detail;
    removeListener.call(doc, HELLO_EVENT, onHello);
    addListener.call(doc, requestEventType(secret), sendNow);
    dispatch.call(doc, new Custom(`callguard:ack:${secret}`));
  };
  addListener.call(doc, HELLO_EVENT, onHello);
  dispatch.call(doc, new Custom(PROBE_READY_EVENT));
}

/** Each Proxy we install, and the native function it stands for. */
const originals = new WeakMap<object, Function>();

/**
 * Function.prototype.toString of a Proxy says "function () { [native code] }", without the
 * name: answer for the native function instead, so the page sees exactly what it saw before.
 */
function maskToString(realm: Win): void {
  const proto = realm.Function.prototype;
  if (originals.has(proto.toString)) return;
  const native = proto.toString;
  const masked = new Proxy(native, {
    apply: (fn, self, args) => Reflect.apply(fn, originals.get(self) ?? self, args),
  });
  originals.set(masked, native);
  proto.toString = masked;
}

/** Runs observation code; it must never break the page's call. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Cross-origin frames, detached objects, exotic pages: the verdict falls back, the page goes on.
  }
}

/**
 * Replaces `target[name]` with a Proxy of itself that calls `before(this)` first. A Proxy keeps
 * the function's name, length and native toString, so the page sees no difference.
 */
function hookMethod(target: object, name: string, before: (self: object) => void): void {
  const original = (target as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  const hooked = new Proxy(original, {
    apply(fn, self, args) {
      safely(() => before(self));
      return Reflect.apply(fn, self, args);
    },
  });
  originals.set(hooked, original);
  (target as Record<string, unknown>)[name] = hooked;
}

/** Same for an accessor: `after(this, result)` runs once the native getter or setter is done. */
function hookAccessor(
  target: object,
  name: string,
  kind: 'get' | 'set',
  descriptor: PropertyDescriptor,
  after: (self: object, result: unknown) => void,
): void {
  const original = descriptor[kind] as (...args: unknown[]) => unknown;
  const hooked = new Proxy(original, {
    apply(fn, self, args) {
      const result = Reflect.apply(fn, self, args);
      safely(() => after(self, result));
      return result;
    },
  });
  originals.set(hooked, original);
  Object.defineProperty(target, name, { ...descriptor, [kind]: hooked });
}
