/**
 * A seeded generator of structurally hostile Slack request bodies: every payload type Slack sends,
 * then mutated (fields set to null, the wrong type, deleted, nested deep, made huge). The same
 * seed gives the same bodies, so a failure can be replayed.
 */
import {
  blockActionsPayload,
  eventCallbackPayload,
  slashCommandPayload,
  viewSubmissionPayload,
} from './slack-payloads.js';

export interface HostileBody {
  body: string;
  contentType: string;
  /** What was done, to name a failing case. */
  label: string;
}

/** mulberry32: small, fast and good enough to pick mutations. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = unknown;
export type Base = { kind: string; value: Record<string, Json>; form: 'fields' | 'payload' | 'json' };

/** One valid-looking body of each kind; `responseUrl` lets the app's replies land somewhere real. */
export function bases(teamId: string, userId: string, responseUrl: string): Base[] {
  const actor = { teamId, userId };
  const view = viewSubmissionPayload({
    ...actor,
    callbackId: 'update_modal',
    values: { workstream: { workstream: { type: 'static_select', selected_option: { value: 'WS1' } } } },
  });
  const action = (actionId: string, value: string) =>
    blockActionsPayload({ ...actor, actionId, value, blockId: 'b', responseUrl, channelId: 'C0GENERAL' });
  return [
    {
      kind: 'slash',
      form: 'fields',
      value: slashCommandPayload({ ...actor, channelId: 'C0GENERAL', text: 'status', responseUrl }),
    },
    {
      kind: 'slash',
      form: 'fields',
      value: slashCommandPayload({ ...actor, channelId: 'C0GENERAL', text: 'help update', responseUrl }),
    },
    { kind: 'block_actions', form: 'payload', value: action('post_status', 'WS1') },
    { kind: 'block_actions', form: 'payload', value: action('reminder_done', '1.1') },
    { kind: 'view_submission', form: 'payload', value: view },
    { kind: 'view_closed', form: 'payload', value: { ...view, type: 'view_closed', is_cleared: false } },
    {
      kind: 'shortcut',
      form: 'payload',
      value: {
        type: 'shortcut',
        callback_id: 'sc',
        trigger_id: '1.2.3',
        team: { id: teamId },
        user: { id: userId },
      },
    },
    {
      kind: 'message_action',
      form: 'payload',
      value: {
        type: 'message_action',
        callback_id: 'ma',
        team: { id: teamId },
        user: { id: userId },
        channel: { id: 'C1' },
        message: { ts: '1.2' },
      },
    },
    {
      kind: 'event',
      form: 'json',
      value: eventCallbackPayload({
        teamId,
        event: { type: 'app_home_opened', user: userId, channel: 'D1', tab: 'home' },
      }),
    },
    {
      kind: 'event',
      form: 'json',
      value: eventCallbackPayload({ teamId, event: { type: 'message', user: userId, text: 'hi' } }),
    },
    {
      kind: 'url_verification',
      form: 'json',
      value: { type: 'url_verification', token: 't', challenge: 'abc' },
    },
  ];
}

/** A marker spliced into the text after stringifying: JSON.stringify itself would overflow the stack. */
const deep = (depth: number): Json => ({ $deep: depth });
const DEEP_MARKER = /\{"\$deep":(\d+)\}/g;
const spliceDeep = (text: string): string =>
  text.replace(DEEP_MARKER, (_, n: string) => `${'[{"x":'.repeat(Number(n))}0${'}]'.repeat(Number(n))}`);
export const stringify = (value: Json): string => spliceDeep(JSON.stringify(value) ?? 'null');

/** The values a hostile sender puts where a field should be. */
export const HOSTILE_VALUES: ((random: () => number) => Json)[] = [
  () => null,
  () => 0,
  () => -1.5e308,
  () => true,
  () => '',
  () => 'x'.repeat(5000),
  () => '\u0000\u202e<@U0ADMIN>&<>',
  () => [],
  () => ({}),
  () => ['a', null, 3],
  (r) => Array.from({ length: 1000 + Math.floor(r() * 20_000) }, (_, i) => i),
  (r) => deep(20 + Math.floor(r() * 5000)),
  () => ({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
];

/** Every (object, key) path in `value`, so a mutation can land anywhere, not just at the top. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof value !== 'object' || value === null || out.length > 400) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    paths(child, path, out);
  }
  return out;
}

export function mutate(root: Record<string, Json>, random: () => number): string {
  const all = paths(root);
  const path = all[Math.floor(random() * all.length)]!;
  let parent = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const key = path.at(-1)!;
  if (random() < 0.2) {
    delete parent[key];
    return `delete ${path.join('.')}`;
  }
  const pick = Math.floor(random() * HOSTILE_VALUES.length);
  parent[key] = HOSTILE_VALUES[pick]!(random);
  return `${path.join('.')}=#${pick}`;
}

function encode(base: Base, value: Json): Pick<HostileBody, 'body' | 'contentType'> {
  const FORM = 'application/x-www-form-urlencoded';
  if (base.form === 'json') return { body: stringify(value), contentType: 'application/json' };
  if (base.form === 'payload')
    return { body: new URLSearchParams({ payload: stringify(value) }).toString(), contentType: FORM };
  const fields = Object.entries(value as Record<string, Json>).map(([k, v]): [string, string] => [
    k,
    typeof v === 'string' ? v : stringify(v),
  ]);
  return { body: new URLSearchParams(fields).toString(), contentType: FORM };
}

/** `count` hostile bodies from `seed`: one to three mutations each, and some whole-body oddities. */
export function hostileBodies(
  seed: number,
  count: number,
  actor: { teamId: string; userId: string; responseUrl: string },
): HostileBody[] {
  const random = seededRandom(seed);
  const kinds = bases(actor.teamId, actor.userId, actor.responseUrl);
  const out: HostileBody[] = [];
  for (let i = 0; i < count; i++) {
    const base = kinds[i % kinds.length]!;
    if (random() < 0.05) {
      const whole = HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)]!(random);
      out.push({
        ...encode({ ...base, form: base.form === 'fields' ? 'payload' : base.form }, whole),
        label: `${base.kind} whole`,
      });
      continue;
    }
    const value = structuredClone(base.value);
    const steps = Array.from({ length: 1 + Math.floor(random() * 3) }, () => mutate(value, random));
    out.push({ ...encode(base, value), label: `${base.kind}: ${steps.join(', ')}` });
  }
  return out;
}
