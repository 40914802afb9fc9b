/**
 * The basic shape of every request body Slack sends us, checked before Bolt sees it: Bolt and our
 * listeners read fields such as `body.event.type` or `body.user.id` without looking, so a signed
 * `payload=null` or `event: null` would throw inside them (and, in Bolt's receiver, kill the
 * process). Only the fields something reads are checked; anything else Slack adds passes through.
 */
import { z } from 'zod';
import { REMOVE_PERSONAL_DATA } from './shortcut-ids.js';
import { actingWorkspace } from './workspace.js';

/** Deeper than any payload Slack sends (a modal's state is four levels); stops stack-hungry walks. */
const MAX_DEPTH = 32;

const id = z.string().min(1).max(255);
const optionalText = z.string().max(100_000).nullish();
const user = z.looseObject({ id, team_id: z.string().nullish(), name: z.string().nullish() });
const team = z.looseObject({ id: z.string() }).nullish();

const slashCommand = z.looseObject({
  command: z.string(),
  team_id: z.string(),
  user_id: id,
  user_name: z.string().optional(),
  channel_id: id,
  text: z.string().optional(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  team,
  trigger_id: z.string().optional(),
  // Bolt reads `channel.id` whenever `channel` is not undefined, so null is not allowed here.
  channel: z.looseObject({ id }).optional(),
  message: z.looseObject({ ts: z.string() }).optional(),
  response_url: z.string().optional(),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().nullish() })).min(1),
});

/** One input's submitted state: the only fields readModalValues takes. */
const inputState = z.looseObject({
  value: optionalText,
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_user: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_conversation: z.string().nullish(),
});

/**
 * A modal holds at most 100 blocks, and an input block one element, so real state is small; a
 * forged one with thousands of entries would otherwise be read, and echoed back, in full.
 */
const fitsAModal = (values: Record<string, Record<string, unknown>>): boolean =>
  Object.keys(values).length <= 100 && Object.values(values).every((v) => Object.keys(v).length <= 25);

const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user,
  team,
  view: z.looseObject({
    id,
    team_id: z.string().nullish(),
    callback_id: z.string(),
    private_metadata: z.string().max(3000).optional(),
    hash: z.string().optional(),
    blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })).optional(),
    state: z.looseObject({
      values: z.record(z.string(), z.record(z.string(), inputState)).refine(fitsAModal),
    }),
  }),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: z.string(),
  event_id: z.string().optional(),
  event: z.looseObject({
    type: z.string(),
    // A user id (app_home_opened), or the person's profile (user_change).
    user: z.union([z.string(), z.looseObject({ id: z.string(), tz: z.string().optional() })]).optional(),
    tab: z.string().optional(),
    // Bolt looks inside these with `in`, which throws on null or a number.
    channel: z.union([z.string(), z.looseObject({})]).optional(),
    item: z.looseObject({}).optional(),
  }),
  authorizations: z.array(z.looseObject({ team_id: z.string().nullish() })).optional(),
});

/** A message shortcut we serve: Bolt and our listener read channel.id, message.ts and trigger_id. */
const messageAction = z.looseObject({
  type: z.literal('message_action'),
  callback_id: z.string(),
  user,
  team,
  trigger_id: z.string().min(1),
  channel: z.looseObject({ id }),
  message: z.looseObject({
    ts: z.string(),
    text: optionalText,
    user: z.string().nullish(),
    bot_id: z.string().nullish(),
  }),
  response_url: z.string().optional(),
});

const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string() });

/** Kinds Slack may send that the app has no listener for: acknowledged, and nothing else. */
const UNSERVED = new Set([
  'view_closed',
  'shortcut',
  'block_suggestion',
  'interactive_message',
  'dialog_submission',
  'dialog_cancellation',
  'workflow_step_edit',
  'app_rate_limited',
]);

export type BodyVerdict = { kind: 'pass' } | { kind: 'ignore' } | { kind: 'refuse'; reason: string };

/** What to do with a parsed, signed body: hand it to Bolt, acknowledge it unread, or refuse it. */
export function judgeBody(body: unknown, command: string): BodyVerdict {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse('the body is not an object');
  if (deeperThan(body, MAX_DEPTH)) return refuse(`the body is nested more than ${MAX_DEPTH} levels deep`);
  const record = body as Record<string, unknown>;
  const type = record.type;
  if (type === undefined && 'command' in record) {
    const checked = check(slashCommand, body);
    if (checked) return checked;
    if (record.command !== command) return refuse(`this app does not serve ${String(record.command)}`);
  } else if (typeof type !== 'string') return refuse('the body has no type');
  else if (UNSERVED.has(type) || unservedShortcut(record)) return { kind: 'ignore' };
  else {
    const schema = SCHEMAS[type];
    if (!schema) return refuse(`this app does not serve “${type.slice(0, 40)}” requests`);
    const checked = check(schema, body);
    if (checked) return checked;
    if (type === 'url_verification') return { kind: 'pass' };
  }
  if (!actingWorkspace(body)) return refuse('the request does not say which workspace it came from');
  return { kind: 'pass' };
}

/** Message shortcuts other than ours (another app's callback id) are acknowledged unread. */
const unservedShortcut = (record: Record<string, unknown>): boolean =>
  record.type === 'message_action' && record.callback_id !== REMOVE_PERSONAL_DATA;

const SCHEMAS: Record<string, z.ZodType> = {
  message_action: messageAction,
  block_actions: blockActions,
  view_submission: viewSubmission,
  event_callback: eventCallback,
  url_verification: urlVerification,
};

function check(schema: z.ZodType, body: unknown): BodyVerdict | null {
  const result = schema.safeParse(body);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return refuse(`${issue.path.join('.') || 'the body'}: ${issue.message}`);
}

const refuse = (reason: string): BodyVerdict => ({ kind: 'refuse', reason });

/** Walks without recursion, so a hostile depth cannot exhaust the stack here either. */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(next)) stack.push([child, depth + 1]);
  }
  return false;
}
