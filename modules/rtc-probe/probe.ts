import { ackEventType, factsEventType, HELLO_EVENT, PROBE_READY_EVENT, requestEventType } from '../../core/channel';
import { readJitsiAppState } from '../../core/platforms/jitsi-app-state';
import { withoutNumbers } from '../../core/rtc/summarize';

type Win = Window & typeof globalThis;
type Endpoint = RTCRtpSender | RTCRtpReceiver;
type Getter = (this: unknown) => unknown;

const STATS_INTERVAL_MS = 2000;
const WRAPPED = Symbol.for('callguard.wrapped');
/** On a document a probe runs in: CallGuard injected into an open page twice still starts one. */
const STARTED = Symbol.for('callguard.probe');

/**
 * Primordials, taken when this bundle runs (document_start, before any page script). A page may
 * replace any global, method, getter or prototype afterwards (Function.prototype.call, toJSON,
 * Map.prototype.has, RTCPeerConnection.prototype.getSenders …) to read the channel's secret or
 * forge what the probe reports, so after installation the probe calls only what it took here,
 * never looks a method up on a page object, and writes its message as a string itself
 * (docs/security.md, "Hostile pages").
 */
const { apply, construct, defineProperty, get, getOwnPropertyDescriptor: describeProperty, setPrototypeOf } = Reflect;
const stringify = JSON.stringify;
const ProxyOf = Proxy;
const getterOf = (proto: object | undefined, name: string) => (proto && describeProperty(proto, name)?.get) as Getter | undefined;
/** A native getter's value, or undefined (no such getter in this browser, or a detached object). */
const read = (getter: Getter | undefined, self: unknown): unknown => {
  try {
    return apply(getter!, self, []);
  } catch {
    // Not this browser's getter, or a detached object: undefined.
  }
};

interface ConnectionMeta {
  pc: RTCPeerConnection;
  id: string;
  /** The latest locating stats entries, already written as a JSON array. */
  stats: string;
  /** The pending stats poll (0: none). */
  timer: number;
}

/**
 * Wraps RTCPeerConnection in `win` (and in same-origin iframes reached through it) so that
 * every connection the page makes is seen, with a Proxy: `instanceof`, statics, `toString` and
 * subclassing behave exactly as before. Reads transforms through the native getters captured
 * here, before page scripts could replace them.
 */
export function installProbe(win: Win): void {
  const doc = win.document;
  if (describeProperty(doc, STARTED)) return;
  defineProperty(doc, STARTED, { value: true });
  const { dispatchEvent: dispatch, addEventListener: addListener } = EventTarget.prototype;
  const Custom = win.CustomEvent;
  const setTimer = win.setTimeout.bind(win);
  const PC = win.RTCPeerConnection?.prototype;
  const { getSenders, getReceivers, getStats } = PC ?? ({} as RTCPeerConnection);
  const pcState = getterOf(PC, 'connectionState');
  const senderProto = win.RTCRtpSender?.prototype;
  const receiverProto = win.RTCRtpReceiver?.prototype;
  const [senderTrack, receiverTrack, senderTransform, receiverTransform] = [senderProto, receiverProto, senderProto, receiverProto].map((proto, i) =>
    getterOf(proto, i < 2 ? 'track' : 'transform'),
  );
  const trackProto = win.MediaStreamTrack?.prototype;
  const [trackKind, trackState, trackMuted] = ['kind', 'readyState', 'muted'].map((name) => getterOf(trackProto, name));
  const statsForEach = win.RTCStatsReport?.prototype.forEach;
  const then = Promise.prototype.then;
  const { has: isEncoded, add: markEncoded } = WeakSet.prototype;

  // Watched connections, through Map methods taken here (never looked up on the map).
  const { has: watching, set: metaSet, delete: metaDelete, forEach: metaEach } = Map.prototype;
  const connections = new Map<RTCPeerConnection, ConnectionMeta>();
  const encodedStreams = new WeakSet<Endpoint>();
  let secret = '';
  let sendQueued = false;
  let nextId = 1;

  // Answers a request from the isolated world at once (dispatchEvent is synchronous, so the
  // content script reads fresh facts before it reads the page); page events are batched.
  const sendNow = () => {
    sendQueued = false;
    if (!secret) return;
    let list = '';
    apply(metaEach, connections, [(meta: ConnectionMeta) => (list += (list ? ',' : '') + describe(meta))]);
    let app = '{}';
    try {
      // The app's own state is the page's word anyway: its own globals may shape it.
      app = stringify(readJitsiAppState(win));
    } catch {
      // A page that breaks JSON breaks only its own claim.
    }
    // A null-prototype init: the page's getters on Object.prototype cannot see or swap the detail.
    const init = { __proto__: null, detail: `{"rtc":{"connections":[${list}]},"app":${app}}` };
    apply(dispatch, doc, [new Custom(factsEventType(secret), init)]);
  };
  const send = () => {
    if (sendQueued || !secret) return;
    sendQueued = true;
    setTimer(() => sendQueued && sendNow(), 50);
  };

  /** One track as JSON, or '' when there is none: read through the native getters only. */
  const trackFact = (endpoint: Endpoint, sending: boolean): string => {
    const track = read(sending ? senderTrack : receiverTrack, endpoint);
    const kind = track && read(trackKind, track);
    if (kind !== 'audio' && kind !== 'video') return '';
    const live = read(trackState, track) === 'live' && (sending || !read(trackMuted, track));
    const transformed = apply(isEncoded, encodedStreams, [endpoint]) || read(sending ? senderTransform : receiverTransform, endpoint) != null;
    return `{"kind":"${kind}","live":${live},"transformed":${transformed}}`;
  };
  const tracks = (pc: RTCPeerConnection, list: typeof getSenders | typeof getReceivers, sending: boolean) => {
    const endpoints = apply(list, pc, []) as Endpoint[];
    let json = '';
    for (let i = 0; i < endpoints.length; i++) {
      const fact = trackFact(endpoints[i]!, sending);
      if (fact) json += (json ? ',' : '') + fact;
    }
    return `[${json}]`;
  };
  const describe = (meta: ConnectionMeta) =>
    `{"id":"${meta.id}","state":"${read(pcState, meta.pc)}","senders":${tracks(meta.pc, getSenders, true)},"receivers":${tracks(meta.pc, getReceivers, false)}${meta.stats ? `,"statsEntries":${meta.stats}` : ''}}`;

  /**
   * The getStats() entries that say how this browser is connected (summarised in core/channel.ts),
   * as JSON without their numbers (see withoutNumbers). The entries are fresh objects of our own
   * call: without a prototype, no toJSON the page put on Object.prototype is consulted.
   */
  const locatingStats = (report: RTCStatsReport) => {
    let json = '';
    apply(statsForEach, report, [
      (entry: { type?: unknown }) => {
        const type = entry.type;
        if (type === 'transport' || type === 'candidate-pair' || type === 'local-candidate') {
          setPrototypeOf(entry, null);
          json += (json ? ',' : '') + stringify(entry, withoutNumbers);
        }
      },
    ]);
    return `[${json}]`;
  };

  const pollStats = (meta: ConnectionMeta) => {
    const pc = meta.pc;
    if (meta.timer || !statsForEach) return;
    const tick = () => {
      meta.timer = 0;
      if (read(pcState, pc) !== 'connected') return; // polling resumes on the next 'connected'
      apply(then, apply(getStats, pc, []), [
        (report: RTCStatsReport) =>
          safely(() => {
            const stats = locatingStats(report);
            if (stats !== meta.stats) {
              meta.stats = stats;
              send();
            }
          }),
        () => {},
      ]);
      meta.timer = setTimer(tick, STATS_INTERVAL_MS);
    };
    tick();
  };

  const observe = (pc: RTCPeerConnection) => {
    if (apply(watching, connections, [pc])) return;
    const meta: ConnectionMeta = { pc, id: `pc${nextId++}`, stats: '', timer: 0 };
    apply(metaSet, connections, [pc, meta]);
    const onChange = () => {
      const state = read(pcState, pc);
      if (state === 'closed') apply(metaDelete, connections, [pc]);
      else if (state === 'connected') pollStats(meta);
      send();
    };
    apply(addListener, pc, ['connectionstatechange', onChange]);
    // A sender added later (screen share) shows up at the next stats poll or page read.
    apply(addListener, pc, ['track', send]);
    send();
  };

  const wrapRealm = (realm: Win) => {
    const Native = realm.RTCPeerConnection;
    if (!Native || (Native as unknown as Record<symbol, unknown>)[WRAPPED]) return;
    maskToString(realm);
    const wrapped = new ProxyOf(Native, {
      construct(target, args, newTarget) {
        const pc = construct(target, args, newTarget) as RTCPeerConnection;
        safely(() => observe(pc));
        return pc;
      },
      get: (target, key, receiver) => (key === WRAPPED ? true : get(target, key, receiver)),
    });
    originals.set(wrapped, Native);
    // The legacy alias webkitRTCPeerConnection stays native: its connections are caught below.
    defineProperty(realm, 'RTCPeerConnection', { ...describeProperty(realm, 'RTCPeerConnection'), value: wrapped });
    // Connections made from a constructor captured elsewhere still negotiate: catch them there.
    for (const method of ['setLocalDescription', 'setRemoteDescription']) {
      hook(Native.prototype, method, 'value', (pc) => observe(pc as RTCPeerConnection));
    }
    for (const Endpoint of [realm.RTCRtpSender, realm.RTCRtpReceiver]) {
      hook(Endpoint?.prototype, 'createEncodedStreams', 'value', (endpoint) => {
        apply(markEncoded, encodedStreams, [endpoint]);
        send();
      });
      hook(Endpoint?.prototype, 'transform', 'set', send);
    }
    // A fresh same-origin iframe has pristine constructors: wrap them as soon as the page reaches in.
    for (const property of ['contentWindow', 'contentDocument']) {
      hook(realm.HTMLIFrameElement?.prototype, property, 'get', (_frame, value) => {
        const child = property === 'contentWindow' ? (value as Win | null) : ((value as Document | null)?.defaultView as Win | null);
        if (child) wrapRealm(child);
      });
    }
  };

  wrapRealm(win);

  // Handshake with the isolated content script (see core/channel.ts).
  const onHello = (event: Event) => {
    if (secret) return;
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string') return;
    secret = detail; // later hellos are ignored: the listener stays, and returns at once
    apply(addListener, doc, [requestEventType(secret), sendNow]);
    apply(dispatch, doc, [new Custom(ackEventType(secret))]);
  };
  apply(addListener, doc, [HELLO_EVENT, onHello]);
  apply(dispatch, doc, [new Custom(PROBE_READY_EVENT)]);
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
  const masked = new ProxyOf(native, {
    apply: (fn, self, args) => apply(fn, originals.get(self) ?? self, args),
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
 * Replaces a method, getter or setter of `target` with a Proxy of itself that runs
 * `after(this, result)` once the native one is done. A Proxy keeps the function's name, length
 * and (with maskToString) native toString, so the page sees no difference.
 */
function hook(target: object | undefined, name: string, kind: 'value' | 'get' | 'set', after: (self: object, result: unknown) => void): void {
  if (!target) return;
  const descriptor = describeProperty(target, name);
  const original = descriptor?.[kind];
  if (typeof original !== 'function') return;
  const hooked = new ProxyOf(original, {
    apply(fn, self, args) {
      const result = apply(fn, self, args);
      safely(() => after(self, result));
      return result;
    },
  });
  originals.set(hooked, original);
  defineProperty(target, name, { ...descriptor, [kind]: hooked });
}
