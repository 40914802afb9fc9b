/**
 * One table of scenarios, two platforms (issue 13). A Platform drives the real Slack app (signed
 * slash commands, the Web API stand-in) or the real Teams app (signed Bot Framework activities,
 * the fake Bot Connector) and gives back what a person would see, as one comparable plain text:
 * Block Kit mrkdwn and Adaptive Card Markdown both lose their bold, mentions read `@Name`, emoji
 * read `[warning]` or `[rag:amber]`, links their label. A scenario writes a mention of someone
 * as `@{owner}`; the driver types it as each platform does (`<@U0OWNER>`, or `<at>Olu Evans</at>`
 * with its entity) and `p.typed(text)` is the same text as the person sees it back.
 *
 * Where the platforms differ on purpose, the driver hides it: Teams has no ephemeral messages, so
 * `replies` on Teams are what reached the person's 1:1 chat (or the invoke's response); Slack's
 * `/improve` is Teams' `improve` (`p.invocation`). Commands are typed in a channel on both (Slack's
 * C0GENERAL, a Teams team's General channel with the bot @mentioned), so `posts` are that channel's.
 */
import { describe } from 'vitest';
import { ICON_SHORTCODES, RAG_SHORTCODES } from '../../src/chat/slack/mrkdwn.js';
import { ICON_EMOJI, RAG_MARKS } from '../../src/chat/teams/markdown.js';
import type { Db } from '../../src/db/client.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import type { Actor, Deps } from '../../src/services/deps.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import { DEFAULT_METHODS, type E2E, startE2E } from './e2e.js';
import { BOARD_CHANNEL, OTHER_TEAM, TEAM, U } from './factories.js';
import { countRows, type RowCounts } from './row-counts.js';
import { BOARD, BOT, PEOPLE, personalChat, startTeamsE2E, TENANT, type TeamsE2E } from './teams-e2e.js';
import { workspaceRows } from './workspace-rows.js';

export type PlatformName = 'slack' | 'teams';
export const PLATFORMS: PlatformName[] = ['slack', 'teams'];

/** The cast, by role, the same people on both platforms. */
export type Role = 'admin' | 'lead' | 'otherLead' | 'owner' | 'member' | 'newcomer';
/** `newcomer` is in neither workspace until someone names them (a new owner). */
export const ROLES: Role[] = ['admin', 'lead', 'otherLead', 'owner', 'member', 'newcomer'];
/** Slack user ids of the cast (test/support/factories.ts), and the newcomer's. */
export const SLACK_IDS: Record<Role, string> = { ...U, newcomer: 'U0NEWOWNER' };
/** The names the cast go by: Teams shows them; on Slack the driver reads a mention's id as the name. */
export const NAMES: Record<Role, string> = Object.fromEntries(
  ROLES.map((r) => [r, PEOPLE[r].name]),
) as Record<Role, string>;

/** Workspace A (every scenario's own) or B (another council on the same install). */
export type Side = 'A' | 'B';

export interface Outcome {
  /** Everything the person was shown (ephemeral replies on Slack; the 1:1 chat on Teams), in order. */
  reply: string;
  /** Each of those messages on its own. */
  replies: string[];
  /** What the bot posted in the channel the command was typed in. */
  posts: string[];
  /** The text quoted back in code blocks across the replies, joined. */
  echoed: string;
  /** Forms opened for the person (Slack's views.open; a Teams card with inputs). */
  opened: number;
  /** Earlier messages edited (Slack's chat.update; a Teams activity update), as they now read. */
  edits: string[];
  /** Anything sent anywhere but the person's own replies and the acting channel: `method where`. */
  elsewhere: string[];
}

/** A form's answers by input id: an option's value, a date as YYYY-MM-DD, a person as `@{role}`. */
export type FormValues = Record<string, string>;

export interface Platform {
  name: PlatformName;
  /** How a typed command is echoed back: '/improve' on Slack, 'improve' on Teams. */
  invocation: string;
  db: Db;
  deps: Deps;
  /** The workspace id of side A or B: a Slack team, or a Teams tenant. */
  workspace(side?: Side): string;
  /** The platform user id of a role. */
  userId(role: Role): string;
  /** An actor for seeding through the services, as the person would on this platform. */
  as(role: Role, side?: Side): Actor;
  /** The programme most scenarios start from: WS1 led by the lead, WS2 by the other lead. */
  seed(side?: Side): Promise<void>;
  /** Types `<invocation> text` as `role`, mentions written `@{role}`, and waits for every answer. */
  command(text: string, role: Role, side?: Side): Promise<Outcome>;
  /** Presses a button (action id and value as the neutral handlers read them) as `role`. */
  press(actionId: string, value: string, role: Role, side?: Side): Promise<Outcome>;
  /**
   * Opens the form of `command` (Slack: `/improve <command>` with no arguments opens its modal;
   * Teams: the message extension's command) and submits it with `values` as `role`. The reply is
   * what the form shows (its errors) or the word the person is given; posts are the channel's.
   */
  form(command: string, values: FormValues, role: Role, side?: Side): Promise<Outcome>;
  /**
   * Presses a button that opens a form (a reminder's New date, Add update, Not mine) as `role`,
   * and submits the form it opens with `values`: Slack's modal; on Teams the form the card becomes.
   */
  pressForm(actionId: string, value: string, values: FormValues, role: Role): Promise<Outcome>;
  /** The text as the person would see it back: `@{owner}` as `@Olu Evans`. */
  typed(text: string): string;
  /** Row counts (all, or one side's). */
  countRows(side?: Side): Promise<RowCounts>;
  /** Every row one side holds, as one string. */
  rows(side: Side): Promise<string>;
  /** Fails the test on anything the platform's stand-in did not expect. */
  assertExpected(): void;
  close(): Promise<void>;
}

/** Runs `body` once per platform, inside describe('slack' | 'teams'). */
export function forEachPlatform(body: (name: PlatformName) => void): void {
  describe.each(PLATFORMS)('%s', (name) => body(name));
}

/** `slackMethods`: Web API methods the Slack stand-in may also be asked (a board pack's upload). */
export function startPlatform(
  name: PlatformName,
  options: { now?: Date; slackMethods?: string[] } = {},
): Promise<Platform> {
  return name === 'slack' ? startSlackPlatform(options) : startTeamsPlatform(options);
}

// ---------------------------------------------------------------------------------------------
// What a person sees, as one plain text

const SHORTCODE_NAMES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ICON_SHORTCODES).map(([name, code]) => [code, `[${name}]`])),
  ...Object.fromEntries(Object.entries(RAG_SHORTCODES).map(([rag, code]) => [code, `[rag:${rag}]`])),
};
const EMOJI_NAMES: [string, string][] = [
  ...Object.entries(ICON_EMOJI).map(([name, emoji]) => [emoji, `[${name}]`] as [string, string]),
  ...Object.entries(RAG_MARKS).map(([rag, mark]) => [mark, `[rag:${rag}]`] as [string, string]),
];
const SLACK_NAMES: Record<string, string> = Object.fromEntries(ROLES.map((r) => [SLACK_IDS[r], NAMES[r]]));

/** Bold, outside code: `*x*` (Slack) and `**x**` (Teams) both as `x`. */
const unbold = (text: string) =>
  text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/\*\*/g, '').replace(/(^|[^\w*])\*([^*\n]+)\*(?![\w*])/g, '$1$2'),
    )
    .join('');

export function normaliseSlack(text: string): string {
  return unbold(
    text
      .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${SLACK_NAMES[id] ?? id}`)
      .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => `#${label ?? 'channel'}`)
      .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
      .replace(/:([a-z_]+):/g, (m, code: string) => SHORTCODE_NAMES[code] ?? m)
      .replace(/`\u200b``/g, '```')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

export function normaliseTeams(text: string): string {
  let out = text.replace(/<at>([^<]*)<\/at>/g, '@$1').replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1');
  for (const [emoji, name] of EMOJI_NAMES) out = out.split(emoji).join(name);
  return unbold(out);
}

/** Every string under `text` (or a button's `title`) in a tree, in document order. */
function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(o))
      if ((k === 'text' || k === 'title') && typeof v === 'string') out.push(v);
      // A card's mention entities are what Teams links, not more text on it.
      else if (k !== 'msteams') texts(v, out);
  }
  return out;
}

/** A Slack message or response as the person reads it: its blocks, or its text when it has none. */
export const slackShown = (body: { text?: unknown; blocks?: unknown }): string => {
  // A Web API call's blocks may come form-encoded, as a JSON string.
  const blocks = typeof body.blocks === 'string' ? (JSON.parse(body.blocks) as unknown) : body.blocks;
  return normaliseSlack(
    Array.isArray(blocks) && blocks.length > 0 ? texts(blocks).join('\n') : String(body.text ?? ''),
  );
};

/** A Teams activity as the person reads it: its cards, or its text when it has none. */
export const teamsShown = (activity: Record<string, unknown>): string => {
  const cards = (activity.attachments ?? []) as { content?: unknown }[];
  return normaliseTeams(
    cards.length > 0 ? texts(cards.map((c) => c.content)).join('\n') : String(activity.text ?? ''),
  );
};

const quoted = (shown: string[]) =>
  shown.flatMap((text) => [...text.matchAll(/```([\s\S]*?)```/g)].map((m) => m[1] ?? '')).join('');

type SideEffects = Pick<Outcome, 'opened' | 'edits' | 'elsewhere'>;

const outcome = (replies: string[], posts: string[], effects: SideEffects): Outcome => ({
  reply: replies.join('\n'),
  replies,
  posts,
  echoed: quoted(replies),
  ...effects,
});

const typedAs = (text: string) => text.replace(/@\{(\w+)\}/g, (_m, role: Role) => `@${NAMES[role]}`);

// ---------------------------------------------------------------------------------------------
// Slack

async function startSlackPlatform(options: { now?: Date; slackMethods?: string[] }): Promise<Platform> {
  const e: E2E = await startE2E({
    now: options.now ?? new Date('2026-11-23T10:00:00Z'),
    methods: [...DEFAULT_METHODS, ...(options.slackMethods ?? [])],
  });
  const team = (side: Side = 'A') => (side === 'A' ? TEAM : OTHER_TEAM);
  const channel = (side: Side = 'A') => (side === 'A' ? 'C0GENERAL' : 'C0BGENERAL');
  const newPosts = (from: number, side: Side) =>
    e.slack.messages
      .slice(from)
      .filter((m) => !m.ephemeralFor && m.channel === channel(side))
      .map((m) => slackShown(m));
  const effects = (from: number, side: Side): SideEffects => {
    const made = e.slack.calls.slice(from);
    return {
      opened: made.filter((c) => c.method === 'views.open').length,
      edits: made
        .filter((c) => c.method === 'chat.update')
        .map((c) => slackShown(c.args as { text?: unknown; blocks?: unknown })),
      elsewhere: made
        .filter((c) => c.args.channel !== channel(side))
        .map((c) => `${c.method} ${String(c.args.channel ?? '')}`),
    };
  };
  const mark = () => ({
    messages: e.slack.messages.length,
    responses: e.slack.responses.length,
    calls: e.slack.calls.length,
  });
  /** Replies through response URLs and ephemeral messages since `from`, in order. */
  const shownSince = (from: ReturnType<typeof mark>) => [
    ...e.slack.responses.slice(from.responses).map((r) => slackShown(r.body)),
    ...e.slack.messages
      .slice(from.messages)
      .filter((m) => m.ephemeralFor)
      .map((m) => slackShown(m)),
  ];
  const as = (role: Role, side?: Side): Actor => ({ workspaceId: team(side), userId: SLACK_IDS[role] });
  return {
    name: 'slack',
    invocation: '/improve',
    db: e.t.deps.db,
    deps: e.t.deps,
    workspace: team,
    userId: (role) => SLACK_IDS[role],
    as,
    async seed(side) {
      await seed(
        e.t.deps,
        (role) => as(role, side),
        (role) => SLACK_IDS[role],
      );
    },
    async command(text, role, side = 'A') {
      const from = mark();
      const typed = text.replace(/@\{(\w+)\}/g, (_m, r: Role) => `<@${SLACK_IDS[r]}>`);
      const out = await e.command(typed, SLACK_IDS[role], { teamId: team(side), channelId: channel(side) });
      return outcome(
        out.replies.map((r) => slackShown(r.body)),
        newPosts(from.messages, side),
        effects(from.calls, side),
      );
    },
    async press(actionId, value, role, side = 'A') {
      const from = mark();
      await e.press({
        userId: SLACK_IDS[role],
        actionId,
        value,
        teamId: team(side),
        channelId: channel(side),
      });
      return outcome(shownSince(from), newPosts(from.messages, side), effects(from.calls, side));
    },
    async form(command, values, role, side = 'A') {
      const views = e.slack.views.length;
      await e.command(command, SLACK_IDS[role], { teamId: team(side), channelId: channel(side) });
      const opened = e.slack.views.slice(views).at(-1)?.view;
      if (!opened) throw new Error(`/improve ${command} opened no modal`);
      const from = mark();
      const ack = await e.submit({
        userId: SLACK_IDS[role],
        callbackId: String(opened.callback_id),
        privateMetadata: String(opened.private_metadata ?? ''),
        values: slackFormValues(opened, values),
        teamId: team(side),
      });
      const errors = Object.values(
        (ack.body as { errors?: Record<string, string> } | undefined)?.errors ?? {},
      );
      return outcome(
        [...errors.map(normaliseSlack), ...shownSince(from)],
        newPosts(from.messages, side),
        effects(from.calls, side),
      );
    },
    async pressForm(actionId, value, values, role) {
      const views = e.slack.views.length;
      await e.press({ userId: SLACK_IDS[role], actionId, value, channelId: channel('A') });
      const opened = e.slack.views.slice(views).at(-1)?.view;
      if (!opened) throw new Error(`${actionId} opened no modal`);
      const from = mark();
      const ack = await e.submit({
        userId: SLACK_IDS[role],
        callbackId: String(opened.callback_id),
        privateMetadata: String(opened.private_metadata ?? ''),
        values: slackFormValues(opened, values),
      });
      const errors = Object.values(
        (ack.body as { errors?: Record<string, string> } | undefined)?.errors ?? {},
      );
      return outcome(
        [...errors.map(normaliseSlack), ...shownSince(from)],
        newPosts(from.messages, 'A'),
        effects(from.calls, 'A'),
      );
    },
    typed: typedAs,
    countRows: (side) => countRows(e.t.deps.db, side ? team(side) : undefined),
    rows: (side) => workspaceRows(e.t.deps.db, team(side)),
    assertExpected: () => {
      if (e.slack.unexpected.length)
        throw new Error(`Slack was asked what it did not expect: ${JSON.stringify(e.slack.unexpected)}`);
    },
    close: () => e.close(),
  };
}

/** A form's answers in the shape the harness's submit takes, by each input's element type. */
function slackFormValues(view: Record<string, unknown>, values: FormValues): Record<string, string> {
  const inputs = ((view.blocks ?? []) as { type: string; block_id?: string; element?: { type?: string } }[])
    .filter((b) => b.type === 'input' && b.block_id)
    .map((b) => [b.block_id!, b.element?.type ?? 'plain_text_input'] as const);
  const prefix: Record<string, string> = {
    static_select: 'option:',
    users_select: 'user:',
    datepicker: 'date:',
    conversations_select: 'channel:',
  };
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => {
      const type = inputs.find(([block]) => block === id)?.[1] ?? 'plain_text_input';
      const person = /^@\{(\w+)\}$/.exec(value);
      return [id, `${prefix[type] ?? ''}${person ? SLACK_IDS[person[1] as Role] : value}`];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Teams

export const OTHER_TENANT = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
/** Each tenant's team has its own General channel. */
const generalOf = (side: Side = 'A') =>
  side === 'A' ? '19:general@thread.tacv2' : '19:general-b@thread.tacv2';

type TaskAnswer = {
  type?: string;
  value?: unknown;
  task?:
    | { type: 'continue'; value: { card: { content: Record<string, unknown> } } }
    | { type: 'message'; value: string };
};

async function startTeamsPlatform(options: { now?: Date }): Promise<Platform> {
  const e: TeamsE2E = await startTeamsE2E(options.now ?? new Date('2026-11-23T10:00:00Z'));
  const tenant = (side: Side = 'A') => (side === 'A' ? TENANT : OTHER_TENANT);
  // Each side's people have their own 1:1 chats; B's are told apart by the tenant.
  const chatOf = (role: Role, side: Side = 'A') =>
    side === 'A' ? personalChat(role) : `a:${role}-personal-b`;
  for (const role of ROLES)
    e.standin.members.set(PEOPLE[role].teams, { aadObjectId: PEOPLE[role].aad, name: NAMES[role] });
  for (const side of ['A', 'B'] as Side[])
    await installIn(e, tenant(side), generalOf(side), (role) => chatOf(role, side));
  let n = 0;
  const since = (from: number, conversationId: string) =>
    e.standin.calls
      .slice(from)
      .filter((c) => c.method === 'POST' && c.conversationId === conversationId && !c.activityId)
      .map((c) => teamsShown(c.body));
  const effects = (from: number, role: Role, side: Side, answer?: unknown): SideEffects => {
    const own = [chatOf(role, side), generalOf(side)];
    const sent = e.standin.calls.slice(from).filter((c) => c.method !== 'GET');
    const hasInputs = (x: unknown) => JSON.stringify(x ?? {}).includes('"type":"Input.');
    return {
      opened: (hasInputs(answer) ? 1 : 0) + sent.filter((c) => hasInputs(c.body)).length,
      edits: sent.filter((c) => c.activityId).map((c) => teamsShown(c.body)),
      elsewhere: sent
        .filter((c) => c.activityId || !own.includes((c.conversationId ?? '').replace(/;messageid=.*$/, '')))
        .map((c) => `${c.method} ${c.path}`),
    };
  };
  const from = (role: Role) => ({ id: PEOPLE[role].teams, aadObjectId: PEOPLE[role].aad, name: NAMES[role] });
  const invoke = async (name: string, value: unknown, role: Role, side: Side, personal = false) => {
    const res = await e.send({
      type: 'invoke',
      name,
      id: `invoke-${++n}`,
      from: from(role),
      conversation: personal
        ? { id: chatOf(role, side), conversationType: 'personal', tenantId: tenant(side) }
        : { id: generalOf(side), conversationType: 'channel', tenantId: tenant(side) },
      channelData: {
        tenant: { id: tenant(side) },
        ...(personal ? {} : { channel: { id: generalOf(side) } }),
      },
      value,
    });
    if (res.status !== 200) throw new Error(`Teams answered ${name} with ${res.status}`);
    return (await res.json()) as TaskAnswer;
  };
  const as = (role: Role, side?: Side): Actor => ({
    workspaceId: tenant(side),
    platform: 'teams',
    userId: PEOPLE[role].aad,
    displayName: NAMES[role],
  });
  return {
    name: 'teams',
    invocation: 'improve',
    db: e.t.deps.db,
    deps: e.t.deps,
    workspace: tenant,
    userId: (role) => PEOPLE[role].aad,
    as,
    async seed(side) {
      await seed(
        e.t.deps,
        (role) => as(role, side),
        (role) => PEOPLE[role].aad,
        side === 'B' ? '19:board-b@thread.tacv2' : BOARD,
      );
    },
    async command(text, role, side = 'A') {
      const start = e.standin.calls.length;
      const mentions: { type: string; text: string; mentioned: { id: string; name: string } }[] = [
        {
          type: 'mention',
          text: '<at>improvement-bot</at>',
          mentioned: { id: BOT, name: 'improvement-bot' },
        },
      ];
      const typed = text.replace(/@\{(\w+)\}/g, (_m, r: Role) => {
        const at = `<at>${NAMES[r]}</at>`;
        mentions.push({ type: 'mention', text: at, mentioned: { id: PEOPLE[r].teams, name: NAMES[r] } });
        return at;
      });
      const res = await e.send({
        type: 'message',
        id: `scenario-${++n}`,
        text: `<at>improvement-bot</at> improve ${typed}`,
        from: from(role),
        conversation: {
          id: `${generalOf(side)};messageid=${n}`,
          conversationType: 'channel',
          tenantId: tenant(side),
        },
        channelData: {
          tenant: { id: tenant(side) },
          team: { id: '19:team@thread.tacv2' },
          channel: { id: generalOf(side) },
        },
        entities: mentions,
      });
      if (res.status !== 200) throw new Error(`Teams answered ${res.status}`);
      await e.teams.idle();
      return outcome(
        since(start, chatOf(role, side)),
        since(start, generalOf(side)),
        effects(start, role, side),
      );
    },
    /** Pressed on a card in the person's 1:1 chat, where Teams shows what Slack would show only to them. */
    async press(actionId, value, role, side = 'A') {
      const start = e.standin.calls.length;
      const answer = await invoke(
        'adaptiveCard/action',
        { action: { type: 'Action.Execute', verb: actionId, data: { actionId, value } } },
        role,
        side,
        true,
      );
      await e.teams.idle();
      const invoked =
        answer.type === 'application/vnd.microsoft.activity.message'
          ? normaliseTeams(String(answer.value))
          : teamsShown({ attachments: [{ content: answer.value }] });
      return outcome(
        [invoked, ...since(start, chatOf(role, side))],
        since(start, generalOf(side)),
        effects(start, role, side, answer.value),
      );
    },
    /** Through the message extension in the channel: fetchTask opens the form, submitAction sends it. */
    async form(command, values, role, side = 'A') {
      const opened = await invoke(
        'composeExtension/fetchTask',
        { commandId: command.replace(/ /g, '-'), commandContext: 'compose' },
        role,
        side,
      );
      if (opened.task?.type !== 'continue')
        throw new Error(`the ${command} form did not open: ${JSON.stringify(opened)}`);
      const card = opened.task.value.card.content;
      // What Teams sends back on submit: the button's data (the form itself) beside the inputs' values.
      const data = (card.body as { actions?: { type: string; data?: Record<string, unknown> }[] }[])
        .flatMap((b) => b.actions ?? [])
        .find((a) => a.type === 'Action.Submit')?.data;
      if (!data) throw new Error(`the ${command} form has no submit button`);
      const answers = teamsAnswers(values);
      const start = e.standin.calls.length;
      const answer = await invoke(
        'composeExtension/submitAction',
        { commandId: command.replace(/ /g, '-'), data: { ...data, ...answers } },
        role,
        side,
      );
      await e.teams.idle();
      const shown =
        answer.task?.type === 'message'
          ? normaliseTeams(answer.task.value)
          : answer.task?.type === 'continue'
            ? teamsShown({ attachments: [{ content: answer.task.value.card.content }] })
            : '';
      return outcome(
        [shown, ...since(start, chatOf(role, side))],
        since(start, generalOf(side)),
        // The form shown again with its errors is the same form, not another one opened.
        { ...effects(start, role, side), opened: 0 },
      );
    },
    async pressForm(actionId, value, values, role) {
      const pressed = await invoke(
        'adaptiveCard/action',
        { action: { type: 'Action.Execute', verb: actionId, data: { actionId, value } } },
        role,
        'A',
        true,
      );
      if (pressed.type !== 'application/vnd.microsoft.card.adaptive')
        throw new Error(`${actionId} opened no form: ${JSON.stringify(pressed)}`);
      // The form takes the card's place; its submit button carries the form beside the inputs.
      const card = pressed.value as {
        body: { actions?: { verb?: string; data?: Record<string, unknown> }[] }[];
      };
      const submit = card.body.flatMap((b) => b.actions ?? []).find((a) => a.verb === 'form.submit');
      if (!submit?.data) throw new Error(`the form ${actionId} opened has no submit button`);
      const start = e.standin.calls.length;
      const answer = await invoke(
        'adaptiveCard/action',
        {
          action: {
            type: 'Action.Execute',
            verb: 'form.submit',
            data: { ...submit.data, ...teamsAnswers(values) },
          },
        },
        role,
        'A',
        true,
      );
      await e.teams.idle();
      const invoked =
        answer.type === 'application/vnd.microsoft.activity.message'
          ? normaliseTeams(String(answer.value))
          : teamsShown({ attachments: [{ content: answer.value }] });
      return outcome([invoked, ...since(start, chatOf(role, 'A'))], since(start, generalOf('A')), {
        ...effects(start, role, 'A'),
        opened: 0,
      });
    },
    typed: typedAs,
    countRows: (side) => countRows(e.t.deps.db, side ? tenant(side) : undefined),
    rows: (side) => workspaceRows(e.t.deps.db, tenant(side)),
    assertExpected: () => e.standin.assertExpected(),
    close: () => e.close(),
  };
}

/** A form's answers as Teams sends them: a person picked is their Entra object id. */
const teamsAnswers = (values: FormValues) =>
  Object.fromEntries(
    Object.entries(values).map(([id, value]) => {
      const person = /^@\{(\w+)\}$/.exec(value);
      return [id, person ? PEOPLE[person[1] as Role].aad : value];
    }),
  );

/** The bot added to the tenant's team (its General channel) and installed in each person's 1:1 chat. */
async function installIn(
  e: TeamsE2E,
  tenantId: string,
  general: string,
  chatOf: (role: Role) => string,
): Promise<void> {
  const added = await e.send({
    type: 'conversationUpdate',
    id: `install-${tenantId}`,
    from: { id: PEOPLE.admin.teams, aadObjectId: PEOPLE.admin.aad },
    membersAdded: [{ id: BOT }],
    conversation: { id: general, conversationType: 'channel', tenantId },
    channelData: { tenant: { id: tenantId }, team: { id: '19:team@thread.tacv2' }, channel: { id: general } },
  });
  if (added.status !== 200) throw new Error(`install in General: ${added.status}`);
  for (const role of ROLES) {
    const res = await e.send({
      type: 'installationUpdate',
      action: 'add',
      id: `install-${tenantId}-${role}`,
      from: { id: PEOPLE[role].teams, aadObjectId: PEOPLE[role].aad, name: NAMES[role] },
      conversation: { id: chatOf(role), conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
    });
    if (res.status !== 200) throw new Error(`install for ${role}: ${res.status}`);
  }
}

// ---------------------------------------------------------------------------------------------

/** Programme "Improving Children's Services": WS1 led by the lead, WS2 by the other lead. */
async function seed(
  deps: Deps,
  as: (role: Role) => Actor,
  id: (role: Role) => string,
  boardChannelId: string = BOARD_CHANNEL,
): Promise<void> {
  await setupProgramme({ name: "Improving Children's Services", boardChannelId }, deps, as('admin'));
  await addWorkstream(
    { code: 'WS1', name: 'Support and Develop Our Workforce', leadUserIds: [id('lead')] },
    deps,
    as('admin'),
  );
  await addWorkstream(
    { code: 'WS2', name: 'Improve Our Practice', leadUserIds: [id('otherLead')] },
    deps,
    as('admin'),
  );
}
