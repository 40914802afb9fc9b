/**
 * The page's buttons for time: send this week's digest or today's reminders now, or move the local
 * clock forward (a day, a week, or to the next given time of day) and run the scheduler, which
 * decides what is due then. The clock only moves forward: nothing stored is ever dated after "now".
 */
import { addDays, parseTimeOfDay, todayIn, zonedInstant } from '../../domain/dates.js';
import type { PageContext } from './context.js';
import { PageError } from './context.js';

const DAY_MS = 86_400_000;
const STEPS: Record<string, number> = { day: DAY_MS, week: 7 * DAY_MS };

/** What changed during a control, so the page can say where to look. */
export interface ControlOutcome {
  now: string;
  /** What ran: the page says 'Ran the <ran> at …'. */
  ran: 'scheduled jobs' | 'reminders' | 'digest';
  /** A sentence that says it better than the list of messages, when there is one. */
  said?: string;
  /** New messages: the conversation each landed in (DMs included, whoever they are for). */
  posted: { channel: string; ephemeralFor?: string }[];
  /** New messages in the local Teams tenant: the conversation each landed in. */
  teamsPosted: { conversationId: string }[];
  edited: number;
}

type Run = (ctx: PageContext, body: Record<string, unknown>) => Promise<Pick<ControlOutcome, 'ran' | 'said'>>;

const CONTROLS: Record<string, Run> = {
  digest: async (ctx, body) => ({ ran: 'digest', said: await requests(ctx, body).digest() }),
  reminders: async (ctx, body) => ({
    ran: 'reminders',
    said: (await requests(ctx, body).reminders()) ?? undefined,
  }),
  time: async (ctx, body) => moveAndTick(ctx, untilNext(ctx, body.time)),
  day: async (ctx) => moveAndTick(ctx, STEPS.day!),
  week: async (ctx) => moveAndTick(ctx, STEPS.week!),
};

/** The Slack workspace's, or the Teams tenant's when the page is showing Teams. */
const requests = (ctx: PageContext, body: Record<string, unknown>) =>
  body.platform === 'teams' && ctx.teams ? ctx.teams.onRequest : ctx.onRequest;

export async function runControl(ctx: PageContext, body: Record<string, unknown>): Promise<ControlOutcome> {
  const control = typeof body.action === 'string' ? CONTROLS[body.action] : undefined;
  if (!control) throw new PageError('Unknown control.');
  const { messages } = ctx.slack;
  const key = (m: (typeof messages)[number]) => `${m.channel}/${m.ts}`;
  const before = new Map(messages.map((m) => [key(m), m.editedAt]));
  const activities = ctx.teams?.connector.history.activities ?? [];
  const teamsBefore = activities.length;
  const { ran, said } = await control(ctx, body);
  const posted = messages.filter((m) => !before.has(key(m)));
  const edited = messages.filter((m) => before.has(key(m)) && before.get(key(m)) !== m.editedAt);
  return {
    now: ctx.clock.now().toISOString(),
    ran,
    ...(said ? { said } : {}),
    posted: posted.map((m) => ({
      channel: m.channel,
      ...(m.ephemeralFor ? { ephemeralFor: m.ephemeralFor } : {}),
    })),
    teamsPosted: activities.slice(teamsBefore).map((a) => ({ conversationId: a.conversationId })),
    edited: edited.length,
  };
}

async function moveAndTick(ctx: PageContext, ms: number): Promise<Pick<ControlOutcome, 'ran'>> {
  ctx.clock.advance(ms);
  ctx.feed.bump();
  await ctx.tick();
  return { ran: 'scheduled jobs' };
}

/** How far ahead the next `time` (HH:mm on the workspace's clock) is: later today, or tomorrow. */
function untilNext(ctx: PageContext, time: unknown): number {
  const text = typeof time === 'string' ? time.trim() : '';
  const hhmm = parseTimeOfDay(text);
  if (!hhmm) throw new PageError(`“${text}” is not a time of day. Give one like 09:30.`);
  const now = ctx.clock.now();
  const today = todayIn(now, ctx.timezone);
  let target = zonedInstant(today, hhmm, ctx.timezone);
  if (target <= now) target = zonedInstant(addDays(today, 1), hhmm, ctx.timezone);
  return target.getTime() - now.getTime();
}
