/**
 * What the digest's section tests share: Monday 23 November 2026 09:00 London, a fresh database
 * with a programme set up by its admin, a PlanBuilder to backdate data, and the text the board
 * would read (main message and thread).
 */

import { afterEach, beforeEach } from 'vitest';
import type { Message } from '../../src/chat/message.js';
import { SLACK_MESSAGE_LIMITS } from '../../src/chat/slack/limits.js';
import { toMrkdwn } from '../../src/chat/slack/mrkdwn.js';
import type { Programme } from '../../src/db/generated/sqlite/client.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import { type TestDatabase, testDatabase } from './database.js';
import { PlanBuilder } from './digest-fixtures.js';
import { as, BOARD_CHANNEL, U } from './factories.js';

/** 09:00 on Monday 23 November 2026 in London (GMT): the default digest time. */
export const MONDAY = new Date('2026-11-23T09:00:00Z');
export const daysAgo = (n: number, hour = 10) => new Date(Date.UTC(2026, 10, 23 - n, hour));

export interface DigestTest {
  t: TestDatabase;
  programme: Programme;
  plan: PlanBuilder;
}

/** A fresh database and programme for each test, handed to `receive`, and removed after. */
export function useDigestTest(receive: (test: DigestTest) => void, name = 'Plan'): void {
  let t: TestDatabase | undefined;
  beforeEach(async () => {
    t = await testDatabase({ now: MONDAY });
    const { programme } = await setupProgramme({ name, boardChannelId: BOARD_CHANNEL }, t.deps, as(U.admin));
    receive({ t, programme, plan: new PlanBuilder(t.deps.db, programme) });
  });
  afterEach(async () => {
    await t?.close();
  });
}

/** All the mrkdwn the board would read on Slack, main message and thread. */
export const digestText = (m: Message): string =>
  toMrkdwn(
    [m, ...(m.thread ?? [])]
      .flatMap((x) => x.blocks ?? [])
      .map((b) => ('text' in b ? b.text : ''))
      .join('\n'),
  );

/** Render options for the digest as it is laid out on Slack (Slack's message sizes). */
export const ON_SLACK = { limits: SLACK_MESSAGE_LIMITS };
