import { ackEventType, factsEventType, HELLO_EVENT, parseProbeMessage, PROBE_READY_EVENT, requestEventType, type ProbeMessage } from '../../core/channel';

/**
 * The isolated side of the handshake in core/channel.ts. Must run at document_start, before
 * any page script, so that the secret reaches only the probe.
 */
export function connectProbe(doc: Document, onMessage: (message: ProbeMessage) => void): { request(): void } {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const secret = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const sendHello = () => doc.dispatchEvent(new CustomEvent(HELLO_EVENT, { detail: secret }));
  const stopAnswering = () => doc.removeEventListener(PROBE_READY_EVENT, sendHello);

  // The probe answers every request, mostly with what it said last time: parse only news. And
  // its stats change at every poll (byte counters), their summary hardly ever: pass on only
  // messages that say something new, so a quiet call page is not read again every poll.
  let lastRaw: unknown;
  let lastMessage = '';
  doc.addEventListener(factsEventType(secret), (event) => {
    const detail = (event as CustomEvent).detail;
    if (detail === lastRaw) return;
    lastRaw = detail;
    const message = parseProbeMessage(detail);
    if (!message) return;
    const serialized = JSON.stringify(message);
    if (serialized === lastMessage) return;
    lastMessage = serialized;
    onMessage(message);
  });
  // The probe acknowledges with the secret; until then (probe injected after us) answer its call.
  doc.addEventListener(ackEventType(secret), stopAnswering, { once: true });
  doc.addEventListener(PROBE_READY_EVENT, sendHello);
  // Page scripts run after document_start: by then the probe has answered or is not coming.
  setTimeout(stopAnswering, 0);
  sendHello();
  return { request: () => doc.dispatchEvent(new CustomEvent(requestEventType(secret))) };
}
