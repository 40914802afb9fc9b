/**
 * The shape of a Socket Mode envelope, checked before Bolt's Socket Mode client reads it. That
 * client reads `event.type` and, for events, `event.payload.event.type` without looking, inside
 * an async handler nobody awaits: one envelope with `payload: null` would be an unhandled
 * rejection, which ends the process. The payload inside is judged as an HTTP body is
 * (body-shape.ts), so both transports refuse the same things.
 */
import { type BodyVerdict, judgeBody } from './body-shape.js';

export type EnvelopeVerdict =
  /** Slack's own connection messages (hello, disconnect): the client handles them itself. */
  | { kind: 'connection' }
  | { kind: 'pass' }
  /** Acknowledged (so Slack does not send it again) and not acted on. */
  | { kind: 'ignore'; envelopeId: string }
  | { kind: 'refuse'; envelopeId: string | null; reason: string };

/** Which payloads each envelope type may carry; anything else is a payload in the wrong envelope. */
const CARRIES: Record<string, (payload: Record<string, unknown>) => boolean> = {
  slash_commands: (p) => p.type === undefined && 'command' in p,
  interactive: (p) => typeof p.type === 'string' && !['event_callback', 'url_verification'].includes(p.type),
  events_api: (p) => p.type === 'event_callback' || p.type === 'app_rate_limited',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const envelopeIdOf = (envelope: Record<string, unknown>): string | null => {
  const id = envelope.envelope_id;
  return typeof id === 'string' && id.length > 0 && id.length <= 255 ? id : null;
};

/** What to do with one parsed WebSocket message from Slack. */
export function judgeEnvelope(envelope: unknown, command: string): EnvelopeVerdict {
  if (!isRecord(envelope))
    return { kind: 'refuse', envelopeId: null, reason: 'the message is not an object' };
  if (envelope.type === 'hello' || envelope.type === 'disconnect') return { kind: 'connection' };
  const envelopeId = envelopeIdOf(envelope);
  if (!envelopeId) return { kind: 'refuse', envelopeId: null, reason: 'the envelope has no envelope_id' };
  const refuse = (reason: string): EnvelopeVerdict => ({ kind: 'refuse', envelopeId, reason });
  const type = envelope.type;
  const carries = typeof type === 'string' ? CARRIES[type] : undefined;
  if (!carries) return refuse(`this app does not serve “${String(type).slice(0, 40)}” envelopes`);
  // Bolt passes these on as the request's retry count and reason: a number and a string, or nothing.
  if (envelope.retry_attempt !== undefined && !Number.isInteger(envelope.retry_attempt))
    return refuse('retry_attempt is not a whole number');
  if (envelope.retry_reason !== undefined && typeof envelope.retry_reason !== 'string')
    return refuse('retry_reason is not text');
  const { payload } = envelope;
  if (!isRecord(payload)) return refuse('the envelope has no payload object');
  if (!carries(payload)) return refuse(`a ${type} envelope does not carry this payload`);
  return fromBody(judgeBody(payload, command), envelopeId);
}

function fromBody(verdict: BodyVerdict, envelopeId: string): EnvelopeVerdict {
  if (verdict.kind === 'pass') return { kind: 'pass' };
  if (verdict.kind === 'ignore') return { kind: 'ignore', envelopeId };
  return { kind: 'refuse', envelopeId, reason: verdict.reason };
}
