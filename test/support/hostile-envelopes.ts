/**
 * Seeded, structurally hostile Socket Mode envelopes: each payload kind of hostile-bodies.ts in
 * the envelope Slack would send it in, then mutated anywhere, envelope fields included
 * (`payload: null`, `event: null`, a missing or huge `envelope_id`, a wrong `type`), plus some
 * whole-message oddities (not JSON, `null`, an array). Same seed, same envelopes.
 */
import { randomUUID } from 'node:crypto';
import { bases, HOSTILE_VALUES, mutate, seededRandom, stringify } from './hostile-bodies.js';

export interface HostileEnvelope {
  /** The WebSocket message, as text. */
  text: string;
  /** The envelope id an ack must carry, when the envelope still has its own (unmutated) one. */
  envelopeId: string | null;
  label: string;
}

const ENVELOPE_TYPE: Record<string, string> = {
  slash: 'slash_commands',
  event: 'events_api',
  url_verification: 'events_api',
};

/** Targeted cases first (the ones that crashed the process), then `count` random mutations. */
export function hostileEnvelopes(
  seed: number,
  count: number,
  actor: { teamId: string; userId: string; responseUrl: string },
): HostileEnvelope[] {
  const random = seededRandom(seed);
  const kinds = bases(actor.teamId, actor.userId, actor.responseUrl);
  const out: HostileEnvelope[] = [...targeted(kinds)];
  for (let i = 0; i < count; i++) {
    const base = kinds[i % kinds.length]!;
    const id = randomUUID();
    if (random() < 0.05) {
      const whole = HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)]!(random);
      out.push({ text: stringify(whole), envelopeId: null, label: `${base.kind} whole` });
      continue;
    }
    const envelope = wrap(base.kind, structuredClone(base.value), id);
    const steps = Array.from({ length: 1 + Math.floor(random() * 3) }, () => mutate(envelope, random));
    out.push({
      text: stringify(envelope),
      envelopeId: envelope.envelope_id === id ? id : null,
      label: `${base.kind}: ${steps.join(', ')}`,
    });
  }
  return out;
}

function wrap(kind: string, payload: unknown, id: string): Record<string, unknown> {
  return {
    envelope_id: id,
    type: ENVELOPE_TYPE[kind] ?? 'interactive',
    payload,
    accepts_response_payload: kind !== 'event',
    ...(kind === 'event' ? { retry_attempt: 0, retry_reason: '' } : {}),
  };
}

/** The reported crashes, and each payload in the wrong envelope. */
function targeted(kinds: ReturnType<typeof bases>): HostileEnvelope[] {
  const cases: [string, (id: string) => unknown][] = [
    ['payload null (events)', (id) => ({ envelope_id: id, type: 'events_api', payload: null })],
    ['payload null (interactive)', (id) => ({ envelope_id: id, type: 'interactive', payload: null })],
    ['payload missing', (id) => ({ envelope_id: id, type: 'slash_commands' })],
    ['event null', (id) => ({ ...wrap('event', { ...kinds[8]!.value, event: null }, id) })],
    ['event a number', (id) => ({ ...wrap('event', { ...kinds[8]!.value, event: 7 }, id) })],
    ['retry_attempt an object', (id) => ({ ...wrap('event', kinds[8]!.value, id), retry_attempt: {} })],
    ['unknown envelope type', (id) => ({ envelope_id: id, type: 'events', payload: kinds[8]!.value })],
    ['type null', (id) => ({ envelope_id: id, type: null, payload: kinds[0]!.value })],
  ];
  const wrong = kinds.map((k): [string, (id: string) => unknown] => [
    `${k.kind} in the wrong envelope`,
    (id) => ({
      envelope_id: id,
      type: k.kind === 'slash' ? 'interactive' : 'slash_commands',
      payload: k.value,
    }),
  ]);
  const withIds = [...cases, ...wrong].map(([label, make]) => {
    const id = randomUUID();
    return { text: stringify(make(id)), envelopeId: id, label };
  });
  const withoutIds = ['null', '[]', '"x"', '42', '{', '{"type":null}', '{"envelope_id":null}'].map(
    (text) => ({ text, envelopeId: null, label: `message ${text}` }),
  );
  return [...withIds, ...withoutIds];
}
