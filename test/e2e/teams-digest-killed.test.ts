/**
 * Exactly one digest a week in a Teams workspace when a replica (a real process) is killed with
 * SIGKILL: between claim and post, and between post and record. The Bot Connector cannot search
 * a channel, so the restarted replica finds the first one's digest in the TeamsPosted ledger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/dates.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import { startDigestChild } from '../support/digest-child-runner.js';
import {
  asTeams,
  BOARD,
  CLIENT_ID,
  CLIENT_SECRET,
  PEOPLE,
  startTeamsE2E,
  type TeamsE2E,
} from '../support/teams-e2e.js';

const MONDAY = zonedInstant('2026-11-23', '09:00', 'Europe/London');
const MINUTE = 60_000;
let e: TeamsE2E;

beforeEach(async () => {
  e = await startTeamsE2E(new Date(MONDAY.getTime() - 7 * 86_400_000));
  await e.install(['admin']);
  await setupProgramme(
    { name: 'Improving Children’s Services', boardChannelId: BOARD },
    e.t.deps,
    asTeams('admin'),
  );
  await addWorkstream(
    { code: 'WS1', name: 'Support and Develop Our Workforce', leadUserIds: [PEOPLE.lead.aad] },
    e.t.deps,
    asTeams('admin'),
  );
});
afterEach(async () => {
  e.standin.assertExpected();
  await e.close();
});

const child = (options: { instanceId: string; pauseAt?: 'claimed' | 'posted'; now?: Date }) =>
  startDigestChild({
    target: e.t.target,
    // Slack's address is a closed port: a Teams workspace's digest that went to Slack would fail.
    apiUrl: 'http://127.0.0.1:9/api/',
    now: options.now ?? MONDAY,
    teams: { tokenUrl: e.standin.tokenUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    ...options,
  });
const run = () => e.t.deps.db.digestRun.findFirstOrThrow({ where: { weekStart: '2026-11-23' } });

// Each replica is a fresh node process loading TypeScript; on a busy machine that is seconds each.
describe('a Teams replica killed with SIGKILL', { timeout: 120_000 }, () => {
  it('between post and record: restarted, it finds its digest in the ledger and posts nothing twice', async () => {
    const a = child({ instanceId: 'replica-a', pauseAt: 'posted' });
    await a.line('CHECKPOINT posted');
    a.process.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
    const [digest] = e.postsTo(BOARD);
    expect(e.postsTo(BOARD)).toHaveLength(1);
    expect(await run()).toMatchObject({ status: 'claimed', messageId: null });
    expect(await e.t.deps.db.teamsPosted.findMany()).toMatchObject([
      { channelId: BOARD, eventType: 'improvement_digest', activityId: digest!.id },
    ]);
    // The same instance comes back at once (a stable INSTANCE_ID): its own claim need not be waited out.
    const again = child({ instanceId: 'replica-a' });
    await again.line('DONE');
    expect(e.postsTo(BOARD)).toHaveLength(1);
    expect(await run()).toMatchObject({ status: 'posted', channelId: BOARD, messageId: digest!.id });
  });

  it('between claim and post: another replica waits out the lease, finds nothing posted, posts once', async () => {
    const a = child({ instanceId: 'replica-a', pauseAt: 'claimed' });
    await a.line('CHECKPOINT claimed');
    a.process.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
    expect(e.postsTo(BOARD)).toHaveLength(0);
    const early = child({ instanceId: 'replica-b', now: new Date(MONDAY.getTime() + MINUTE) });
    await early.line('DONE');
    expect(e.postsTo(BOARD)).toHaveLength(0);
    const late = child({ instanceId: 'replica-b', now: new Date(MONDAY.getTime() + 6 * MINUTE) });
    await late.line('DONE');
    const posts = e.postsTo(BOARD);
    expect(posts).toHaveLength(1);
    expect(await run()).toMatchObject({ status: 'posted', messageId: posts[0]!.id, claimedBy: 'replica-b' });
  });
});
