/**
 * Thousands of random and hostile command texts (seeded, so a failure names a reproducible input)
 * against the router and a real seeded database, and a few hundred through the real Bolt app over
 * HTTP: no crash, no unhandled rejection, always a reply, nothing re-broadcast, no injected link,
 * and no write on a refusal.
 */
import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, SUBCOMMANDS } from '../../commands/index.js';
import type { Reply } from '../../commands/types.js';
import type { Chat } from '../../src/chat/chat.js';
import { commandContext } from '../../src/chat/slack/context.js';
import { fromSlack } from '../../src/chat/slack/mrkdwn.js';
import { renderMessage, renderModal } from '../../src/chat/slack/render.js';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { createSlackWebApi } from '../../src/local/slack-web-api.js';
import type { Deps } from '../../src/services/deps.js';
import { testDatabase } from '../support/database.js';
import { DEFAULT_METHODS, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { hostileText, seededRandom } from '../support/hostile-text.js';
import { countRows, type RowCounts } from '../support/row-counts.js';

const SEED = Number(process.env.HOSTILE_SEED ?? 20261123);
const BULK = 10_000;
const OVER_HTTP = 300;
/** Workspaces worked side by side: database round trips overlap, so PostgreSQL runs finish sooner. */
const LANES = 4;
const USERS = Object.values(U);

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
beforeAll(() => void process.on('unhandledRejection', onRejection));
afterAll(() => void process.off('unhandledRejection', onRejection));
afterEach(() => expect(rejections).toEqual([]));

/** Words a text may start with: every registered name and alias, and some near misses. */
function subcommandWords(): string[] {
  const names = SUBCOMMANDS.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
  return [
    ...names,
    ...names.map((n) => n.toUpperCase()),
    'help update',
    'updte',
    'rgb',
    'actions',
    'ws',
    '/improve',
    'delete',
  ];
}

/** Commands that give the random texts something to hit; those not registered yet just fail. */
const SEED_COMMANDS = [
  'project add WS1 Recruitment',
  'action add WS1 <@U0OWNER|owner> in 2 weeks Run the caseload audit',
  'action add WS2 <@U0LEAD2> end of month Publish the practice standards',
  'kpi add "Caseload average" cases lower target 25 by 31/03/2027',
  'visit add monitoring visit 12/01/2027 care leavers',
];

/**
 * The texts Slack parses for mentions and links: mrkdwn objects and a message's top-level text.
 * plain_text (headers, modal labels) shows '<!channel>' literally, so it is left out.
 */
function mrkdwnTexts(value: unknown, topLevel = true): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => mrkdwnTexts(v, topLevel));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const own = typeof object.text === 'string' && (topLevel || object.type === 'mrkdwn') ? [object.text] : [];
  return [...own, ...Object.values(object).flatMap((v) => mrkdwnTexts(v, false))];
}

/** What must hold for every reply; returns the reply's kind for the write check. */
function checkReply(reply: Reply, label: string): 'refusal' | 'modal' | 'other' {
  expect(['ephemeral', 'channel', 'modal'], label).toContain(reply.kind);
  const rendered =
    reply.kind === 'modal'
      ? renderModal(reply.modal)
      : 'message' in reply
        ? renderMessage(reply.message)
        : reply;
  const confirmation =
    reply.kind === 'channel' && reply.confirmation ? renderMessage(reply.confirmation) : {};
  const parsed = mrkdwnTexts([rendered, confirmation]).join('\n');
  expect(parsed, `${label} re-broadcasts`).not.toMatch(/<!(channel|here|everyone|subteam)/i);
  expect(parsed, `${label} carries a link`).not.toMatch(/<(https?|mailto):/i);
  expect(parsed, `${label} is an apology for a bug`).not.toContain('something went wrong on our side');
  if (reply.kind !== 'ephemeral') return reply.kind === 'modal' ? 'modal' : 'other';
  expect(reply.message.text.trim().length, `${label} is empty`).toBeGreaterThan(0);
  if (!reply.message.text.startsWith('<icon:warning>')) return 'other';
  expect(reply.message.text, `${label} loses the user's text`).toContain('Your text, so nothing is lost');
  return 'refusal';
}

async function seed(deps: Deps, teamId = TEAM): Promise<void> {
  await seedProgramme(deps, teamId);
  for (const [i, text] of SEED_COMMANDS.entries()) {
    await runCommand(
      fromSlack(text),
      await commandContext(deps, '/improve', {
        teamId,
        userId: U.admin,
        channelId: 'C0GENERAL',
        requestKey: `seed:${i}`,
      }),
    );
  }
}

type Tally = Record<'refusal' | 'modal' | 'other', number>;

/**
 * One lane: its own seeded workspace (and an unset one), its own seed of the PRNG, and row counts
 * of its own workspace, so lanes run side by side without seeing each other's writes.
 */
async function runLane(deps: Deps, chat: Chat, lane: number, count: number, tally: Tally): Promise<void> {
  const [home, stranger] = [`T0LANE${lane}`, `T0STRANGER${lane}`];
  await seed(deps, home);
  const random = seededRandom(SEED + lane);
  const words = subcommandWords();
  // Row counts known to be current, per workspace: a refusal leaves them as they were, so the
  // count after one is the count before the next (one count per command, not two).
  const known = new Map<string, RowCounts>();
  for (let i = 0; i < count; i++) {
    const text = hostileText(random, { subcommands: words });
    const teamId = random() < 0.05 ? stranger : home;
    const userId = USERS[Math.floor(random() * USERS.length)]!;
    const label = `lane ${lane} input #${i} (seed ${SEED + lane}) from ${userId} in ${teamId}: ${JSON.stringify(text.slice(0, 300))}`;
    const rows = known.get(teamId) ?? (await countRows(deps.db, teamId));
    const ctx = await commandContext(
      deps,
      '/improve',
      { teamId, userId, channelId: 'C0GENERAL', requestKey: `hostile:${lane}:${i}` },
      chat,
    );
    const kind = checkReply(await runCommand(fromSlack(text), ctx), label);
    tally[kind] += 1;
    if (kind === 'other') {
      known.delete(teamId);
      continue;
    }
    expect(await countRows(deps.db, teamId), `${label} wrote on a ${kind}`).toEqual(rows);
    known.set(teamId, rows);
  }
}

describe('hostile command texts', () => {
  it(`answers ${BULK.toLocaleString('en-GB')} generated texts through the router and writes nothing on a refusal`, async () => {
    const t = await testDatabase();
    // Commands that post elsewhere (digest send) post through the real Slack chat to the stand-in.
    const slack = await createSlackWebApi({ strict: true, allowedMethods: DEFAULT_METHODS });
    const chat = slackChat(
      new webApi.WebClient('xoxb-hostile', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
    );
    const errors: unknown[] = [];
    t.deps.logger = {
      ...t.deps.logger,
      error: (...args: unknown[]) => void errors.push(args),
    } as Deps['logger'];
    try {
      const tally: Tally = { refusal: 0, modal: 0, other: 0 };
      await Promise.all(
        Array.from({ length: LANES }, (_, lane) => runLane(t.deps, chat, lane, BULK / LANES, tally)),
      );
      expect(errors).toEqual([]);
      expect(slack.unexpected).toEqual([]);
      expect(mrkdwnTexts(slack.messages).join('\n')).not.toMatch(
        /<!(channel|here|everyone|subteam)|<(https?|mailto):/i,
      );
      // The mix really reaches both sides: refusals, and commands that go through.
      expect(tally.refusal).toBeGreaterThan(BULK / 4);
      expect(tally.other).toBeGreaterThan(BULK / 20);
    } finally {
      await slack.close();
      await t.close();
    }
  }, 120_000);

  it(`answers ${OVER_HTTP} generated texts sent as signed requests to the real Bolt app`, async () => {
    const e = await startE2E();
    try {
      await seed(e.t.deps);
      const random = seededRandom(SEED + 1);
      const words = subcommandWords();
      for (let i = 0; i < OVER_HTTP; i++) {
        const text = hostileText(random, { subcommands: words });
        const userId = USERS[Math.floor(random() * USERS.length)]!;
        const label = `HTTP input #${i} (seed ${SEED + 1}): ${JSON.stringify(text.slice(0, 300))}`;
        const [rows, views] = [await countRows(e.t.deps.db), e.slack.views.length];
        const out = await e.command(text, userId);
        expect(out.http.status, label).toBe(200);
        const opened = e.slack.views.length - views;
        expect(out.replies.length + out.posts.length + opened, `${label} got no answer`).toBeGreaterThan(0);
        const shown = JSON.stringify([out.replies.map((r) => r.body), out.posts, e.slack.views.slice(views)]);
        expect(shown, label).not.toMatch(/<!(channel|here|everyone|subteam)/i);
        expect(shown, label).not.toContain('something went wrong on our side');
        if (opened > 0 || out.reply.startsWith(':warning:'))
          expect(await countRows(e.t.deps.db), `${label} wrote on a refusal`).toEqual(rows);
      }
      expect(e.slack.unexpected).toEqual([]);
    } finally {
      await e.close();
    }
  }, 60_000);
});
