/**
 * The weekly digest job on its schedule, against the strict Slack stand-in: on time, once, late
 * after downtime, the stored schedule read afresh, British Summer Time, and a board channel the
 * bot cannot post in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import { type DigestHarness, digestHarness, tsDate } from '../support/digest.js';
import { as, BOARD_CHANNEL, seedProgramme, TEAM, U } from '../support/factories.js';

let h: DigestHarness;
afterEach(async () => {
  expect(h.slack.unexpected).toEqual([]);
  await h.close();
});

const at = (iso: string) => h.t.clock.set(new Date(iso));
const runs = () => h.t.deps.db.digestRun.findMany({ orderBy: { id: 'asc' } });

describe('on schedule', () => {
  it('posts at 09:00 on Monday, not before, with its metadata, and only once however often it ticks', async () => {
    h = await digestHarness({ now: new Date('2026-11-23T08:59:00Z') });
    const { programme } = await seedProgramme(h.t.deps);
    await h.tick();
    expect(h.digests()).toHaveLength(0);
    for (const time of ['09:00:00', '09:00:30', '09:01:00', '12:00:00', '23:59:00']) {
      at(`2026-11-23T${time}Z`);
      await h.tick();
    }
    const [digest] = h.digests();
    expect(h.digests()).toHaveLength(1);
    expect(tsDate(digest!.ts)).toEqual(new Date('2026-11-23T09:00:00Z'));
    expect(digest!.metadata).toEqual({
      event_type: 'improvement_digest',
      event_payload: { programmeId: programme.id, weekStart: '2026-11-23' },
    });
    expect(JSON.stringify(digest!.blocks)).toContain('Weekly digest: week of Monday 23 November 2026');
    expect(await runs()).toMatchObject([
      {
        status: 'posted',
        weekStart: '2026-11-23',
        channelId: BOARD_CHANNEL,
        messageId: digest!.ts,
        late: false,
      },
    ]);
    expect(await h.t.deps.db.auditLog.count({ where: { workspaceId: TEAM, action: 'digest.post' } })).toBe(1);
    at('2026-11-30T09:00:00Z');
    await h.tick();
    expect(h.digests().map((d) => d.metadata?.event_payload.weekStart)).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('when the bot was down at 09:00, posts once when it comes back, marked late', async () => {
    h = await digestHarness({ now: new Date('2026-11-09T08:00:00Z') });
    await seedProgramme(h.t.deps);
    at('2026-11-16T09:00:00Z'); // the board has had a digest, so it expects the next one on time
    await h.tick();
    at('2026-11-23T14:30:00Z');
    await h.tick();
    await h.tick();
    expect(h.digests()).toHaveLength(2);
    expect(JSON.stringify(h.digests()[1]!.blocks)).toContain(
      ':hourglass: Posted late: this digest was due at 23/11/2026 09:00',
    );
    expect(await runs()).toMatchObject([
      { status: 'posted', late: false },
      { status: 'posted', late: true },
    ]);
  });

  it('does not call a first digest late, nor one whose board channel was set after its time', async () => {
    h = await digestHarness({
      now: new Date('2026-11-16T08:00:00Z'),
      channels: [
        { id: BOARD_CHANNEL, name: 'improvement-board' },
        { id: 'C0BOARD2', name: 'board-2' },
      ],
    });
    await seedProgramme(h.t.deps);
    at('2026-11-16T11:00:00Z'); // its first digest, two hours after its time: nothing was missed
    await h.tick();
    expect(JSON.stringify(h.digests()[0]!.blocks)).not.toContain('Posted late');
    // The next week, the board moves to a new channel at 10:00, an hour after the digest's time.
    at('2026-11-23T10:00:00Z');
    await setupProgramme({ boardChannelId: 'C0BOARD2' }, h.t.deps, as(U.admin));
    at('2026-11-23T10:01:00Z');
    await h.tick();
    expect(h.digests('C0BOARD2')).toHaveLength(1);
    expect(JSON.stringify(h.digests('C0BOARD2')[0]!.blocks)).not.toContain('Posted late');
    expect(await runs()).toMatchObject([
      { status: 'posted', late: false },
      { status: 'posted', late: false },
    ]);
  });

  it('starts a programme set up after this week’s time with next week’s digest', async () => {
    h = await digestHarness({ now: new Date('2026-11-23T11:00:00Z') });
    const { programme } = await seedProgramme(h.t.deps);
    await h.t.deps.db.programme.update({
      where: { id: programme.id },
      data: { createdAt: new Date('2026-11-23T10:00:00Z') },
    });
    await h.tick();
    expect(h.digests()).toHaveLength(0);
    at('2026-11-30T09:00:00Z');
    await h.tick();
    expect(h.digests()).toHaveLength(1);
  });

  it('reads the programme’s day and time on every tick, so a change needs no restart', async () => {
    h = await digestHarness({ now: new Date('2026-11-23T09:00:00Z') });
    const { programme } = await seedProgramme(h.t.deps);
    await h.t.deps.db.programme.update({
      where: { id: programme.id },
      data: { digestDay: 3, digestTime: '14:30' },
    });
    for (const time of ['2026-11-23T09:00:00Z', '2026-11-25T14:29:00Z']) {
      at(time);
      await h.tick();
    }
    expect(h.digests()).toHaveLength(0);
    at('2026-11-25T14:30:00Z');
    await h.tick();
    expect(h.digests().map((d) => tsDate(d.ts))).toEqual([new Date('2026-11-25T14:30:00Z')]);
  });
});

describe('British Summer Time', () => {
  /** Ticks every five minutes through a Monday morning; returns when (UTC) the digest was posted. */
  async function mondayMorning(day: string): Promise<string[]> {
    for (let minutes = 6 * 60; minutes <= 11 * 60; minutes += 5) {
      at(
        `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`,
      );
      await h.tick();
    }
    return h
      .digests()
      .filter((d) => d.metadata?.event_payload.weekStart === day)
      .map((d) => tsDate(d.ts).toISOString());
  }

  it('posts at 09:00 London time the Monday after the clocks go forward (08:00 UTC) and after they go back (09:00 UTC)', async () => {
    h = await digestHarness({ now: new Date('2027-03-22T06:00:00Z') });
    await seedProgramme(h.t.deps);
    expect(await mondayMorning('2027-03-22')).toEqual(['2027-03-22T09:00:00.000Z']); // GMT
    expect(await mondayMorning('2027-03-29')).toEqual(['2027-03-29T08:00:00.000Z']); // BST: 09:00 in London
    expect(await mondayMorning('2027-10-25')).toEqual(['2027-10-25T08:00:00.000Z']); // still BST
    expect(await mondayMorning('2027-11-01')).toEqual(['2027-11-01T09:00:00.000Z']); // GMT again
    expect(await runs()).toHaveLength(4);
    expect((await runs()).every((r) => !r.late)).toBe(true);
  });
});

describe('a board channel the bot cannot post in', () => {
  it('tells the admins once, logs it, leaves the week unsent, and posts once the channel is fixed', async () => {
    const board = { id: BOARD_CHANNEL, name: 'improvement-board', isMember: false };
    h = await digestHarness({
      now: new Date('2026-11-23T09:00:00Z'),
      channels: [board, { id: 'C0BOARD2', name: 'board-2' }],
    });
    const logs: string[] = [];
    h.deps.logger = createLogger('info', { write: (line: string) => void logs.push(line) });
    await seedProgramme(h.t.deps);
    await h.tick();
    expect(h.digests()).toHaveLength(0);
    expect(await runs()).toMatchObject([{ status: 'failed', lastError: 'not_in_channel', postedAt: null }]);
    const dms = () => h.slack.messages.filter((m) => m.channel === h.slack.dmChannelFor(U.admin));
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.text).toContain(
      `could not be posted to <#${BOARD_CHANNEL}>: the bot is not a member of that channel. Invite it by typing \`/invite @improvement-bot\``,
    );
    expect(
      logs.some(
        (l) => l.includes('"error":"not_in_channel"') && l.includes('weekly digest could not be posted'),
      ),
    ).toBe(true);
    // Each attempt is one call to the channel: a post, or (on a retry) a look in its history first.
    const attempts = () => h.slack.calls.filter((c) => c.args.channel === BOARD_CHANNEL).length;
    at('2026-11-23T09:30:00Z');
    await h.tick();
    expect(attempts()).toBe(1);
    at('2026-11-23T10:00:00Z'); // an hour on: tried again, still failing, the admins are not told twice
    await h.tick();
    expect(attempts()).toBe(2);
    expect(dms()).toHaveLength(1);
    board.isMember = true; // someone invites the bot
    at('2026-11-23T11:00:00Z');
    await h.tick();
    expect(h.digests()).toHaveLength(1);
    // The programme's first digest: the board had nothing to expect yet, so it is not 'late'.
    expect(await runs()).toMatchObject([{ status: 'posted', channelId: BOARD_CHANNEL, late: false }]);
  });

  it('retries at once when an admin changes the board channel', async () => {
    h = await digestHarness({
      now: new Date('2026-11-23T09:00:00Z'),
      channels: [{ id: 'C0BOARD2', name: 'board-2' }],
    });
    await seedProgramme(h.t.deps);
    await h.tick();
    expect(await runs()).toMatchObject([{ status: 'failed', lastError: 'channel_not_found' }]);
    await setupProgramme({ boardChannelId: 'C0BOARD2' }, h.t.deps, as(U.admin));
    at('2026-11-23T09:05:00Z');
    await h.tick();
    expect(h.digests('C0BOARD2')).toHaveLength(1);
    expect(await runs()).toMatchObject([{ status: 'posted', channelId: 'C0BOARD2' }]);
  });

  it('never posts twice when it cannot check the channel after a failed attempt, and says why', async () => {
    const board = { id: BOARD_CHANNEL, name: 'improvement-board', isMember: true };
    h = await digestHarness({ now: new Date('2026-11-23T09:00:00Z'), channels: [board] });
    await seedProgramme(h.t.deps);
    // The first attempt posts, then dies before recording it (the error stands in for a crash).
    const crashing = digestJob(h.deps, {
      async checkpoint(point) {
        if (point === 'posted') throw new Error('process died');
      },
    });
    await crashing.run(h.t.clock.now());
    expect(h.digests()).toHaveLength(1);
    board.isMember = false; // removed from the channel before the retry
    at('2026-11-23T09:02:00Z');
    await h.tick();
    expect(await runs()).toMatchObject([{ status: 'failed', lastError: 'check:not_in_channel' }]);
    const dm = h.slack.messages.find((m) => m.channel === h.slack.dmChannelFor(U.admin));
    expect(dm?.text).toContain(
      'the bot could not look in that channel to check whether an earlier attempt already posted',
    );
    board.isMember = true;
    at('2026-11-23T10:02:00Z');
    await h.tick();
    expect(h.digests()).toHaveLength(1);
    expect(await runs()).toMatchObject([{ status: 'posted', messageId: h.digests()[0]!.ts, late: false }]);
  });
});
