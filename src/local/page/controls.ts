/**
 * The page's buttons for time: run the scheduler now, or move the local clock forward and then
 * run it. The scheduler's jobs decide what is due; nothing here knows what they do.
 */
import type { PageContext } from './context.js';
import { PageError } from './context.js';

const DAY_MS = 86_400_000;
const STEPS: Record<string, number> = { run: 0, day: DAY_MS, week: 7 * DAY_MS };

/** What changed during a control's tick, so the page can say where to look. */
export interface ControlOutcome {
  now: string;
  /** New messages: the conversation each landed in (DMs included, whoever they are for). */
  posted: { channel: string; ephemeralFor?: string }[];
  edited: number;
}

export async function runControl(ctx: PageContext, action: unknown): Promise<ControlOutcome> {
  const step = typeof action === 'string' ? STEPS[action] : undefined;
  if (step === undefined) throw new PageError('Unknown control.');
  const { messages } = ctx.slack;
  const before = new Map(messages.map((m) => [`${m.channel}/${m.ts}`, m.editedAt]));
  if (step > 0) {
    ctx.clock.advance(step);
    ctx.feed.bump();
  }
  await ctx.tick();
  const posted = messages.filter((m) => !before.has(`${m.channel}/${m.ts}`));
  const edited = messages.filter(
    (m) => before.has(`${m.channel}/${m.ts}`) && before.get(`${m.channel}/${m.ts}`) !== m.editedAt,
  );
  return {
    now: ctx.clock.now().toISOString(),
    posted: posted.map((m) => ({
      channel: m.channel,
      ...(m.ephemeralFor ? { ephemeralFor: m.ephemeralFor } : {}),
    })),
    edited: edited.length,
  };
}
