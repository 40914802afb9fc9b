/**
 * Reminders benchmark (not a test): one daily sweep over 150 programmes, 20,000 owners and
 * 100,000 open actions, on SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a
 * PostgreSQL server, on PostgreSQL. Reports wall time, peak memory (RSS sampled every 10 ms),
 * SQL queries and messages, then the cost of the next tick the same day (everything already sent).
 * The chat is an in-process stand-in that answers at once, behind the real per-channel pacing.
 *
 *   npx tsx bench/reminders.ts         (bench/run.ts can call runRemindersBench())
 */

import { pathToFileURL } from 'node:url';
import type { Chat } from '../src/chat/chat.js';
import { pacedChat } from '../src/chat/paced-chat.js';
import { type Db, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { Sql } from '../src/db/sql.js';
import { AdjustableClock } from '../src/domain/clock.js';
import { addDays, type Day, todayIn } from '../src/domain/dates.js';
import { escalationRecipients } from '../src/domain/escalation.js';
import { countdownSchedule, countdownStepDue } from '../src/domain/reminders.js';
import { bankHolidays } from '../src/domain/working-days.js';
import { silentLogger } from '../src/logger.js';
import { inParallel } from '../src/services/in-parallel.js';
import { MAX_ROWS } from '../src/services/reminder-messages.js';
import { sendDueReminders } from '../src/services/send-due-reminders.js';
import type { Tally } from '../src/services/sweep.js';
import { scratchTarget } from './databases.js';
import { ISSUE_SHAPE, type RemindersShape, seedRemindersWorld } from './reminders-data.js';
import { formatSlackSweepBench, runSlackSweepBench, type SlackSweepRun } from './reminders-slack.js';

export interface RemindersBenchResult {
  provider: string;
  shape: RemindersShape;
  sweepMs: number;
  peakRssMb: number;
  baselineRssMb: number;
  queries: number;
  tally: Tally;
  calls: Record<string, number>;
  /** The next tick the same day, when every reminder is already out. */
  nextTick: { ms: number; queries: number; messages: number };
  /** Time spent waiting in the per-channel pacing (summed over reminders in flight). */
  pacedMs: number;
  /** The sweep's messages by kind of reminder (from the ledger). */
  sent: Record<string, number>;
  /** The bulk-SQL floor on the same data in the same run (bulkFloor): its messages by kind, its pacing waits. */
  floor: { ms: number; queries: number; messages: number; sent: Record<string, number>; pacedMs: number };
}

/** Reminders in flight at once in the floor, as a hand-written bulk job would have. */
const FLOOR_IN_FLIGHT = 16;

/** Runs per database (and of the one-workspace Slack sweep): min / median / max are reported. */
const RUNS = 3;

/**
 * The floor a sweep is measured against: the same Slack messages the sweep sends, to the same
 * conversations through the same paced chat (Slack's one a second per conversation applies to
 * both), as a hand-written bulk job would send them. Today's sweep sends each owner's action
 * reminder (a DM), the week's escalations (a DM to each workstream lead, and to the admins for
 * actions a lead owns, domain/escalation.ts) and the countdowns due today (a post to the board
 * channel and a DM to each linked workstream's lead); so does the floor, and the bench checks
 * the counts match. Eight queries for the whole world (programmes, every due open action, people,
 * open workstreams, their leads, the coming events and their workstreams), grouped in memory,
 * every message from one pool (16 in flight), each conversation's first message before anyone's
 * second (so one person's several messages are spread out and Slack's pacing rarely holds one
 * up), and a ledger row per message, written in one transaction of multi-row INSERTs.
 * No exactly-once, snoozes, hours or silent-lead nudges (none is due on the bench's Monday):
 * a lower bound, not a design.
 */
async function bulkFloor(db: Db, sqlDb: Sql, chat: Chat, day: Day): Promise<Record<string, number>> {
  const programmes = await db.programme.findMany({
    select: {
      id: true,
      workspaceId: true,
      dueSoonDays: true,
      escalationDays: true,
      boardChannelId: true,
      countdownDays: true,
    },
  });
  const soonest = Math.max(...programmes.map((p) => p.dueSoonDays));
  const actions = await db.action.findMany({
    where: { status: 'open', dueDate: { lte: addDays(day, soonest) } },
    select: {
      id: true,
      number: true,
      text: true,
      dueDate: true,
      programmeId: true,
      workstreamId: true,
      ownerId: true,
    },
    orderBy: [{ ownerId: 'asc' }, { dueDate: 'asc' }, { number: 'asc' }],
  });
  const people = new Map(
    (
      await db.person.findMany({ select: { id: true, platformUserId: true, role: true, workspaceId: true } })
    ).map((p) => [p.id, p]),
  );
  const workstreams = await db.workstream.findMany({
    where: { closedAt: null },
    select: { id: true, programmeId: true },
    orderBy: { code: 'asc' },
  });
  const leadsOf = new Map<number, { id: number }[]>();
  for (const lead of await db.workstreamLead.findMany({
    select: { workstreamId: true, personId: true },
    orderBy: [{ workstreamId: 'asc' }, { personId: 'asc' }],
  })) {
    const list = leadsOf.get(lead.workstreamId) ?? [];
    list.push({ id: lead.personId });
    leadsOf.set(lead.workstreamId, list);
  }
  const events = await db.event.findMany({
    where: { status: 'planned', startDate: { gte: day, lte: addDays(day, 28 + 10) } },
    select: { id: true, kind: true, startDate: true, programmeId: true, workstreams: true },
  });
  const byProgramme = new Map(programmes.map((p) => [p.id, p]));
  const userId = (personId: number) => people.get(personId)?.platformUserId ?? '';
  const line = (a: (typeof actions)[number]) => `A-${a.number} ${a.text} · due ${a.dueDate}`;
  const messages: {
    programmeId: number;
    kind: string;
    subjectKey: string;
    to: string;
    dm: boolean;
    text: string;
  }[] = [];
  // Owners' reminders: their soonest MAX_ROWS actions.
  const byOwner = new Map<string, typeof actions>();
  for (const action of actions) {
    const key = `${action.programmeId}:${action.ownerId}`;
    const list = byOwner.get(key) ?? [];
    if (list.length < MAX_ROWS) list.push(action);
    byOwner.set(key, list);
  }
  for (const list of byOwner.values())
    messages.push({
      programmeId: list[0]!.programmeId,
      kind: 'action',
      subjectKey: `programme:${list[0]!.programmeId}`,
      to: userId(list[0]!.ownerId),
      dm: true,
      text: list.map(line).join('\n'),
    });
  // Escalations: each open workstream's actions overdue by the programme's threshold.
  const overdueOf = new Map<number, typeof actions>();
  for (const action of actions) {
    if (action.dueDate > addDays(day, -byProgramme.get(action.programmeId)!.escalationDays)) continue;
    const list = overdueOf.get(action.workstreamId) ?? [];
    list.push(action);
    overdueOf.set(action.workstreamId, list);
  }
  const admins = new Map<string, { id: number }[]>();
  for (const person of people.values())
    if (person.role === 'admin') {
      const list = admins.get(person.workspaceId) ?? [];
      list.push({ id: person.id });
      admins.set(person.workspaceId, list);
    }
  for (const workstream of workstreams) {
    const overdue = (overdueOf.get(workstream.id) ?? []).sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.number - b.number,
    );
    if (overdue.length === 0) continue;
    const programme = byProgramme.get(workstream.programmeId)!;
    const recipients = escalationRecipients(
      leadsOf.get(workstream.id) ?? [],
      admins.get(programme.workspaceId) ?? [],
      overdue,
    );
    for (const recipient of recipients)
      messages.push({
        programmeId: programme.id,
        kind: 'escalation',
        subjectKey: `workstream:${workstream.id}`,
        to: userId(recipient.person.id),
        dm: true,
        text: recipient.actions.slice(0, MAX_ROWS).map(line).join('\n'),
      });
  }
  // Countdowns due today: the board channel and the linked open workstreams' leads.
  const open = new Set(workstreams.map((w) => w.id));
  for (const event of events) {
    const programme = byProgramme.get(event.programmeId)!;
    const steps = countdownSchedule(programme.countdownDays).get(event.kind) ?? [];
    const step = countdownStepDue(event.startDate, day, steps, bankHolidays());
    if (step === null) continue;
    const text = `${event.kind} on ${event.startDate}`;
    const subjectKey = `event:${event.id}:${step}`;
    const leads = new Set(
      event.workstreams
        .filter((w) => open.has(w.workstreamId))
        .flatMap((w) => leadsOf.get(w.workstreamId) ?? [])
        .map((l) => l.id),
    );
    const to = [
      ...(programme.boardChannelId ? [{ to: programme.boardChannelId, dm: false }] : []),
      ...[...leads].map((id) => ({ to: userId(id), dm: true })),
    ];
    for (const r of to)
      messages.push({ programmeId: programme.id, kind: 'countdown', subjectKey, text, ...r });
  }
  // Each conversation's first message, then every second one, and so on: a conversation's
  // several messages are thousands of sends apart, so Slack's pacing rarely holds one up.
  const seen = new Map<string, number>();
  const rounds = messages.map((message) => {
    const round = seen.get(message.to) ?? 0;
    seen.set(message.to, round + 1);
    return { message, round };
  });
  rounds.sort((a, b) => a.round - b.round);
  const rows: { message: (typeof messages)[number]; channelId: string; messageId: string }[] = [];
  await inParallel(
    rounds.map((r) => r.message),
    FLOOR_IN_FLIGHT,
    async (message) => {
      const posted = message.dm
        ? await chat.dm(message.to, { text: message.text })
        : await chat.post(message.to, { text: message.text });
      rows.push({ message, ...posted });
    },
  );
  // One transaction of multi-row INSERTs (hand-written, as the sweep writes its ledger): through
  // Prisma's createMany these 16,150 rows took most of the floor's time.
  const now = new Date(NOW);
  const columns = [
    'workspaceId',
    'programmeId',
    'kind',
    'subjectKey',
    'recipient',
    'day',
    'status',
    'claimedBy',
    'leaseUntil',
    'channelId',
    'messageId',
    'sentAt',
    'createdAt',
  ];
  const perStatement = Math.floor(900 / columns.length);
  await sqlDb.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const strings = [`INSERT INTO "ReminderLog" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (`];
      const values: unknown[] = [];
      chunk.forEach(({ message: m, channelId, messageId }, r) => {
        const row = [
          byProgramme.get(m.programmeId)!.workspaceId,
          m.programmeId,
          'floor',
          m.subjectKey,
          m.to,
          day,
          'sent',
          'floor',
          now,
          channelId,
          messageId,
          now,
          now,
        ];
        row.forEach((value, c) => {
          if (c > 0) strings.push(', ');
          else if (r > 0) strings[strings.length - 1] += ', (';
          values.push(value);
        });
        strings.push(')');
      });
      await tx.run({ strings, values });
    }
  });
  const sent: Record<string, number> = {};
  for (const { message } of rows) sent[message.kind] = (sent[message.kind] ?? 0) + 1;
  return sent;
}

// Monday 23 November 2026, 09:30 London: action reminders, the week's escalations and a countdown.
const NOW = new Date('2026-11-23T09:30:00Z');

/** A chat platform that answers at once and counts what it was asked. */
function fastChat(calls: Record<string, number>): Chat {
  let ts = 0;
  const count = (...methods: string[]) => {
    for (const method of methods) calls[method] = (calls[method] ?? 0) + 1;
  };
  const posted = (channelId: string) => {
    ts += 1;
    return { channelId, messageId: String(ts) };
  };
  return {
    post: async (channelId) => {
      count('chat.postMessage');
      return posted(channelId);
    },
    dm: async (userId) => {
      count('conversations.open', 'chat.postMessage');
      return posted(`D${userId}`);
    },
    dmChannel: async (userId) => {
      count('conversations.open');
      return `D${userId}`;
    },
    update: async () => count('chat.update'),
    user: async (id) => {
      count('users.info');
      return { id, timezone: 'Europe/London', unreachable: false };
    },
    findPosted: async () => [],
  };
}

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 10);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function benchOne(
  provider: 'sqlite' | 'postgresql',
  serverUrl: string | undefined,
  shape: RemindersShape,
): Promise<RemindersBenchResult[]> {
  const { target, drop } = await scratchTarget(provider, serverUrl, 'reminders_bench');
  await migrate(target);
  const database = await openDatabase(target);
  try {
    await seedRemindersWorld(database.prisma, shape, todayIn(NOW, 'Europe/London'));
    const calls: Record<string, number> = {};
    const waited = { ms: 0 };
    // Each phase (the floor, a sweep and its next tick) with pacing of its own, as if its
    // conversations had been quiet: shared, each found the previous phase's conversations still
    // paced a second earlier, and waited for them (the floor after a sweep, a sweep after the floor).
    const freshChat = () =>
      pacedChat(fastChat(calls), {
        wait: (ms: number) => {
          waited.ms += ms;
          return new Promise<void>((resolve) => setTimeout(resolve, ms));
        },
      });
    const deps = {
      db: database.prisma,
      sql: database.sql,
      clock: new AdjustableClock(NOW),
      logger: silentLogger,
      chat: freshChat(),
      instanceId: 'bench',
    };
    const runs: RemindersBenchResult[] = [];
    // Each run from an empty ledger on the same data: the floor, the sweep, the next tick.
    for (let run = 0; run < RUNS; run++) {
      await database.prisma.reminderLog.deleteMany({});
      for (const key of Object.keys(calls)) delete calls[key];
      global.gc?.();
      database.queries.count = 0;
      waited.ms = 0;
      const floorStarted = performance.now();
      const floorSent = await bulkFloor(
        database.prisma,
        database.sql,
        freshChat(),
        todayIn(NOW, 'Europe/London'),
      );
      const floor = {
        ms: performance.now() - floorStarted,
        queries: database.queries.count,
        messages: Object.values(floorSent).reduce((a, b) => a + b, 0),
        sent: floorSent,
        pacedMs: waited.ms,
      };
      await database.prisma.reminderLog.deleteMany({ where: { kind: 'floor' } });
      for (const key of Object.keys(calls)) delete calls[key];
      global.gc?.();
      waited.ms = 0;
      const baseline = process.memoryUsage().rss;
      database.queries.count = 0;
      const sampler = rssSampler();
      const started = performance.now();
      deps.chat = freshChat();
      const tally = await sendDueReminders(deps, NOW);
      const sweepMs = performance.now() - started;
      const peak = sampler.stop();
      const queries = database.queries.count;
      const sentBefore = calls['chat.postMessage'] ?? 0;
      database.queries.count = 0;
      const tickStarted = performance.now();
      await sendDueReminders(deps, new Date(NOW.getTime() + 60_000));
      const nextTick = {
        ms: performance.now() - tickStarted,
        queries: database.queries.count,
        messages: (calls['chat.postMessage'] ?? 0) - sentBefore,
      };
      const kinds = await database.prisma.reminderLog.groupBy({
        by: ['kind'],
        where: { status: 'sent', kind: { not: 'sweep' } },
        _count: { _all: true },
      });
      runs.push({
        sent: Object.fromEntries(kinds.map((k) => [k.kind, k._count._all])),
        provider,
        shape,
        sweepMs,
        peakRssMb: mb(peak),
        baselineRssMb: mb(baseline),
        queries,
        tally,
        calls: { ...calls },
        nextTick,
        floor,
        pacedMs: waited.ms,
      });
      process.stdout.write('.');
    }
    return runs;
  } finally {
    await database.close();
    await drop();
  }
}

/** Runs the benchmark on SQLite, and on PostgreSQL when a server URL is given (or in the environment). */
export async function runRemindersBench(
  options: { postgresUrl?: string; shape?: RemindersShape; slack?: boolean } = {},
): Promise<RemindersBench> {
  const postgresUrl = options.postgresUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const shape = options.shape ?? ISSUE_SHAPE;
  const results = await benchOne('sqlite', undefined, shape);
  if (postgresUrl && /^postgres(ql)?:/.test(postgresUrl))
    results.push(...(await benchOne('postgresql', postgresUrl, shape)));
  const slack = options.slack === false ? [] : await runSlackSweepBench(RUNS);
  return { sweeps: results, slack };
}

export interface RemindersBench {
  sweeps: RemindersBenchResult[];
  /** One workspace through the real WebClient and the rate-limited fake Slack (reminders-slack.ts). */
  slack: SlackSweepRun[];
}

export function formatRemindersBench({ sweeps: results, slack }: RemindersBench): string {
  const s = results[0]?.shape ?? ISSUE_SHAPE;
  const n = (x: number) => x.toLocaleString('en-GB');
  const byKind = (sent: Record<string, number>) =>
    Object.keys(sent)
      .sort()
      .map((kind) => `${kind} ${n(sent[kind]!)}`)
      .join(', ');
  const lines = [
    `Reminder sweep: ${s.programmes} programmes, ${n(s.owners)} owners, ${n(s.actions)} open actions`,
  ];
  for (const r of results) {
    const t = r.tally;
    lines.push(
      `  ${r.provider.padEnd(10)} sweep ${(r.sweepMs / 1000).toFixed(1)} s, peak RSS ${r.peakRssMb} MB (${r.baselineRssMb} MB before), ${n(r.queries)} SQL queries; ` +
        `${n(t.sent)} sent (${n(r.calls['chat.postMessage'] ?? 0)} chat.postMessage, ${n(r.calls['users.info'] ?? 0)} users.info), ${t.later} left for later, ${t.skipped} skipped`,
      `  ${''.padEnd(10)} next tick the same day: ${r.nextTick.ms.toFixed(0)} ms, ${r.nextTick.queries} SQL queries, ${r.nextTick.messages} messages`,
      `  ${''.padEnd(10)} bulk-SQL floor: ${(r.floor.ms / 1000).toFixed(1)} s, ${n(r.floor.queries)} SQL queries, ${n(r.floor.messages)} messages; the sweep is ${(r.sweepMs / r.floor.ms).toFixed(2)}x the floor`,
      `  ${''.padEnd(10)} messages by kind, sweep ${byKind(r.sent)}, floor ${byKind(r.floor.sent)}${byKind(r.sent) === byKind(r.floor.sent) ? '' : ' (NOT THE SAME WORK)'}; waited for Slack's one a second per conversation, in all: sweep ${(r.pacedMs / 1000).toFixed(1)} s, floor ${(r.floor.pacedMs / 1000).toFixed(1)} s`,
    );
  }
  for (const provider of [...new Set(results.map((r) => r.provider))]) {
    const ratios = results.filter((r) => r.provider === provider).map((r) => r.sweepMs / r.floor.ms);
    const sorted = [...ratios].sort((a, b) => a - b);
    const spread = `${sorted[0]!.toFixed(2)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} / ${sorted.at(-1)!.toFixed(2)}`;
    lines.push(
      `${sorted.at(-1)! <= 2 ? 'MET ' : 'MISS'} ${provider} sweep within 2x of the bulk-SQL floor (min / median / max of ${ratios.length}): ${spread}x`,
    );
  }
  if (slack.length > 0) lines.push('', formatSlackSweepBench(slack));
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatRemindersBench(await runRemindersBench()));
  process.exit(0);
}
