/**
 * `/improve update` in as few statements as the database allows, with post-update's rules:
 *
 * 1. one read fetches everything the update needs (the person, the workspace's programmes and
 *    workstreams, the person's leads, the case-reference patterns, and projects when one is named);
 * 2. the same rule functions the slow path uses (chooseProgramme, pickWorkstream, pickProject,
 *    checkText) decide in TypeScript; anything they refuse, and anything unusual (a first contact, a
 *    person whose name or role would change, someone who is neither lead nor admin), is left to the
 *    slow path (post-update's transaction), which gives the one authoritative answer or error;
 * 3. the writes: on PostgreSQL one auto-committed statement of data-modifying CTEs, every write
 *    guarded on the request key's claim and on the facts read in step 1 still holding (the
 *    workstream or project still open, the person still lead or admin, the RAG still what was read);
 *    when a guard fails nothing is written and the slow path runs. On SQLite the read and the writes
 *    run in one BEGIN IMMEDIATE transaction, which holds the write lock, so the facts cannot change.
 *
 * So PostgreSQL takes two round trips, with or without a RAG word, and SQLite four statements
 * (seven with a RAG change) instead of eight (fourteen).
 */
import type { Person, Project, RagChange, Update, Workstream } from '../db/generated/sqlite/client.js';
import { concat, jsonRows, parsed, reviveDates, text } from '../db/json-rows.js';
import { type Query, type Sql, sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';
import type { Rag } from '../domain/rag.js';
import { type AuditEntry, audit, auditRow } from './audit.js';
import { isAdmin } from './authorise.js';
import { ragChangeAudit, recordRagChange } from './change-rag.js';
import type { Actor, Deps } from './deps.js';
import { pickProject, pickWorkstream } from './find-workstream.js';
import { checkText } from './guard-text.js';
import type { PostUpdateInput, PostUpdateResult } from './post-update.js';
import { chooseProgramme, type ProgrammeChoice, programmeChoices } from './programme.js';
import { claimRequest } from './transaction.js';

/** The audit entry of a posted update (the slow path writes it through audit()). */
export function updatePostAudit(actor: Actor, update: Update, at: Date): AuditEntry {
  return {
    at,
    workspaceId: actor.workspaceId,
    actor: actor.userId,
    action: 'update.post',
    entity: 'update',
    entityId: update.id,
    after: update,
  };
}

/** Writes the update and its audit row (shared by the slow path and SQLite's fast one). */
export async function recordUpdate(
  tx: Sql,
  actor: Actor,
  row: {
    programmeId: number;
    workstreamId: number;
    projectId: number | null;
    authorId: number;
    text: string;
    rag: Rag | null;
  },
  now: Date,
): Promise<Update> {
  const update = (await tx.one<Update>(
    sql`INSERT INTO "Update" ("workspaceId", "programmeId", "workstreamId", "projectId", "authorId", "text", "rag", "createdAt")
        VALUES (${actor.workspaceId}, ${row.programmeId}, ${row.workstreamId}, ${row.projectId}, ${row.authorId}, ${row.text}, ${row.rag}, ${now})
        RETURNING *`,
  ))!;
  await audit(tx, updatePostAudit(actor, update, now));
  return update;
}

/** What the slow path's update would be, decided from the facts of one read. */
interface Plan {
  me: Person;
  programmeId: number;
  workstream: Workstream;
  project: Project | null;
  text: string;
  /** The RAG change, when the RAG word given is not the RAG already. */
  change: { from: Rag; to: Rag } | null;
  ragUnchanged: boolean;
  now: Date;
}

/** The update, or undefined when the slow path must answer (see the top of this file). */
export async function postUpdateInOneGo(
  input: PostUpdateInput,
  deps: Deps,
  actor: Actor,
): Promise<PostUpdateResult | undefined> {
  if (actor.workspaceId.trim() === '') return undefined;
  const db = deps.sql;
  if (db.provider === 'postgresql') {
    const plan = decide(await db.one<Facts>(readFacts(db, actor, input)), input, deps, actor);
    return plan ? writePostgres(db, actor, plan) : undefined;
  }
  return db.transaction(async (tx) => {
    const plan = decide(await tx.one<Facts>(readFacts(tx, actor, input)), input, deps, actor);
    return plan ? writeSqlite(tx, actor, plan) : undefined;
  });
}

type Facts = Partial<Person> & {
  _patterns: string | null;
  _programmes: unknown;
  _workstreams: unknown;
  _leads: unknown;
  _projects?: unknown;
};

const WORKSTREAM_COLUMNS = [
  'id',
  'workspaceId',
  'programmeId',
  'code',
  'name',
  'theme',
  'criticalFriendId',
  'rag',
  'ragChangedAt',
  'closedAt',
  'closedReason',
  'createdAt',
];
const PROJECT_COLUMNS = [
  'id',
  'workspaceId',
  'workstreamId',
  'name',
  'rag',
  'ragChangedAt',
  'closedAt',
  'closedReason',
  'createdAt',
];
const DATE_COLUMNS = ['ragChangedAt', 'closedAt', 'createdAt'];

function readFacts(db: Sql, actor: Actor, input: PostUpdateInput): Query {
  const { workspaceId, userId } = actor;
  const agg = db.provider === 'postgresql' ? 'json_agg' : 'json_group_array';
  const programmes = programmeChoices(db.provider, workspaceId);
  const workstreams = jsonRows(
    db.provider,
    WORKSTREAM_COLUMNS,
    sql`FROM "Workstream" t WHERE t."programmeId" IN (SELECT "id" FROM "Programme" WHERE "workspaceId" = ${workspaceId})`,
    'code',
  );
  const projects = input.project
    ? concat(
        text(', '),
        jsonRows(
          db.provider,
          PROJECT_COLUMNS,
          sql`FROM "Project" t WHERE t."workstreamId" IN (SELECT w."id" FROM "Workstream" w JOIN "Programme" g ON g."id" = w."programmeId" WHERE g."workspaceId" = ${workspaceId})`,
          'name',
        ),
        text(' AS "_projects"'),
      )
    : text('');
  return concat(
    sql`SELECT p.*, (SELECT "caseReferencePatterns" FROM "Workspace" WHERE "id" = ${workspaceId}) AS "_patterns", `,
    programmes,
    text(' AS "_programmes", '),
    workstreams,
    text(
      ` AS "_workstreams", (SELECT ${agg}(l."workstreamId") FROM "WorkstreamLead" l WHERE l."personId" = p."id") AS "_leads"`,
    ),
    projects,
    sql` FROM (SELECT 1 AS one) one LEFT JOIN "Person" p ON p."workspaceId" = ${workspaceId} AND p."platformUserId" = ${userId}`,
  );
}

function decide(
  facts: Facts | undefined,
  input: PostUpdateInput,
  deps: Deps,
  actor: Actor,
): Plan | undefined {
  if (!facts || facts.id === null || facts.id === undefined) return undefined; // first contact
  const { _patterns, _programmes, _workstreams, _leads, _projects, ...person } = facts;
  const me = person as Person;
  // ensurePerson would change the person first.
  if (actor.displayName && actor.displayName !== me.displayName) return undefined;
  if (deps.adminUserIds?.includes(actor.userId) && me.role !== 'admin') return undefined;
  try {
    const now = deps.clock.now();
    const programme = chooseProgramme(parsed<ProgrammeChoice>(_programmes), actor);
    const workstream = pickWorkstream(
      parsed<Record<string, unknown>>(_workstreams)
        .map((w) => reviveDates<Workstream>(w, DATE_COLUMNS))
        .filter((w) => w.programmeId === programme.id),
      input.workstream,
    );
    const project = input.project
      ? pickProject(
          parsed<Record<string, unknown>>(_projects)
            .map((p) => reviveDates<Project>(p, DATE_COLUMNS))
            .filter((p) => p.workstreamId === workstream.id),
          workstream,
          input.project,
        )
      : null;
    // Refusals (and their wording, which names the leads) are the slow path's.
    if (!isAdmin(me) && !parsed<number>(_leads).includes(workstream.id)) return undefined;
    if (input.text.trim().length === 0) return undefined;
    const checked = checkText(input.text, _patterns ?? undefined, 'update', now);
    const current = (project ?? workstream).rag as Rag;
    const ragUnchanged = input.rag !== undefined && input.rag === current;
    const to = ragUnchanged ? undefined : input.rag;
    // A RAG change needs a reason of three characters or more: the slow path says so.
    if (to && checked.length < 3) return undefined;
    return {
      me,
      programmeId: programme.id,
      workstream,
      project,
      text: checked,
      change: to ? { from: current, to } : null,
      ragUnchanged,
      now,
    };
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

function ragChangeRow(plan: Plan, id: number): RagChange {
  return {
    id,
    workspaceId: plan.me.workspaceId,
    programmeId: plan.workstream.programmeId,
    workstreamId: plan.workstream.id,
    projectId: plan.project?.id ?? null,
    fromRag: plan.change!.from,
    toRag: plan.change!.to,
    reason: plan.text,
    authorId: plan.me.id,
    createdAt: plan.now,
  };
}

async function writeSqlite(tx: Sql, actor: Actor, plan: Plan): Promise<PostUpdateResult> {
  const { me, workstream, project, change, now } = plan;
  if (actor.requestKey) await claimRequest(tx, actor.workspaceId, actor.requestKey, now);
  let ragChange: RagChange | null = null;
  if (change) {
    ragChange = await recordRagChange(
      tx,
      me,
      { workstream, project, from: change.from, rag: change.to, reason: plan.text },
      now,
    );
  }
  const update = await recordUpdate(
    tx,
    actor,
    {
      programmeId: plan.programmeId,
      workstreamId: workstream.id,
      projectId: project?.id ?? null,
      authorId: me.id,
      text: plan.text,
      rag: change?.to ?? null,
    },
    now,
  );
  return { update, workstream, project, ragChange, ragUnchanged: plan.ragUnchanged };
}

const AUDIT_INSERT = text(
  'INSERT INTO "AuditLog" ("workspaceId", "actor", "action", "entity", "entityId", "before", "after", "createdAt") ',
);

/**
 * One auto-committed statement. Every write reads from `go`, which has its row only when the facts
 * still hold and the request key was claimed; the claim reads from the RAG move when there is one, so
 * a RAG changed meanwhile claims nothing. The last column divides by zero (undoing the whole
 * statement) should the RAG have moved without the claim, which the facts' look-up of the key makes
 * all but impossible. Undefined when nothing was written: the slow path then answers.
 */
async function writePostgres(db: Sql, actor: Actor, plan: Plan): Promise<PostUpdateResult | undefined> {
  const { me, workstream, project, change, now } = plan;
  const key = actor.requestKey;
  const projectId = project?.id ?? null;
  const facts = concat(
    sql`WITH facts AS (SELECT 1 AS ok WHERE EXISTS (SELECT 1 FROM "Workstream" w WHERE w."id" = ${workstream.id}::integer AND w."programmeId" = ${plan.programmeId}::integer AND w."closedAt" IS NULL)
      AND (${projectId}::integer IS NULL OR EXISTS (SELECT 1 FROM "Project" p WHERE p."id" = ${projectId}::integer AND p."workstreamId" = ${workstream.id}::integer AND p."closedAt" IS NULL))
      AND (EXISTS (SELECT 1 FROM "Person" m WHERE m."id" = ${me.id}::integer AND m."role" = 'admin') OR EXISTS (SELECT 1 FROM "WorkstreamLead" l WHERE l."workstreamId" = ${workstream.id}::integer AND l."personId" = ${me.id}::integer))`,
    key
      ? sql` AND NOT EXISTS (SELECT 1 FROM "ProcessedRequest" r WHERE r."workspaceId" = ${actor.workspaceId}::text AND r."key" = ${key}::text)`
      : text(''),
    text(')'),
  );
  const move = change
    ? project
      ? sql`, rag AS (UPDATE "Project" SET "rag" = ${change.to}::text, "ragChangedAt" = ${now}::timestamp(3) WHERE "id" = ${project.id}::integer AND "rag" = ${change.from}::text AND EXISTS (SELECT 1 FROM facts) RETURNING 1 AS ok)`
      : sql`, rag AS (UPDATE "Workstream" SET "rag" = ${change.to}::text, "ragChangedAt" = ${now}::timestamp(3) WHERE "id" = ${workstream.id}::integer AND "rag" = ${change.from}::text AND EXISTS (SELECT 1 FROM facts) RETURNING 1 AS ok)`
    : text('');
  const gate = change ? 'rag' : 'facts';
  const claim = key
    ? concat(
        sql`, claim AS (INSERT INTO "ProcessedRequest" ("workspaceId", "key", "createdAt") SELECT ${actor.workspaceId}::text, ${key}::text, ${now}::timestamp(3) FROM `,
        text(`${gate} ON CONFLICT DO NOTHING RETURNING 1 AS ok), go AS (SELECT 1 AS ok FROM claim)`),
      )
    : text(`, go AS (SELECT 1 AS ok FROM ${gate})`);
  let ragWrites = text('');
  if (change) {
    const row = auditRow(
      ragChangeAudit(me, { workstream, project, from: change.from, rag: change.to, reason: plan.text }, now),
    );
    ragWrites = concat(
      sql`, rc AS (INSERT INTO "RagChange" ("workspaceId", "programmeId", "workstreamId", "projectId", "fromRag", "toRag", "reason", "authorId", "createdAt")
        SELECT ${me.workspaceId}::text, ${workstream.programmeId}::integer, ${workstream.id}::integer, ${projectId}::integer, ${change.from}::text, ${change.to}::text, ${plan.text}::text, ${me.id}::integer, ${now}::timestamp(3) FROM go RETURNING "id")`,
      text(', ra AS ('),
      AUDIT_INSERT,
      sql`SELECT ${row.workspaceId}::text, ${row.actor}::text, ${row.action}::text, ${row.entity}::text, ${row.entityId}::text, ${row.before}::text, ${row.after}::text, ${row.createdAt}::timestamp(3) FROM go)`,
    );
  }
  const rag = change?.to ?? null;
  // The update's audit row holds the update as JSON.stringify writes it: only its id is the database's.
  const template: Update = {
    id: 0,
    workspaceId: actor.workspaceId,
    programmeId: plan.programmeId,
    workstreamId: workstream.id,
    projectId,
    authorId: me.id,
    text: plan.text,
    originalText: null,
    rag,
    channelId: null,
    messageId: null,
    editedAt: null,
    withdrawnAt: null,
    createdAt: now,
  };
  const entry = auditRow(updatePostAudit(actor, template, now));
  const [before, after] = entry.after!.split(/(?<=^\{"id":)0/);
  const statement = concat(
    facts,
    move,
    claim,
    ragWrites,
    sql`, up AS (INSERT INTO "Update" ("workspaceId", "programmeId", "workstreamId", "projectId", "authorId", "text", "rag", "createdAt")
        SELECT ${actor.workspaceId}::text, ${plan.programmeId}::integer, ${workstream.id}::integer, ${projectId}::integer, ${me.id}::integer, ${plan.text}::text, ${rag}::text, ${now}::timestamp(3) FROM go RETURNING *)`,
    text(', ua AS ('),
    AUDIT_INSERT,
    sql`SELECT ${entry.workspaceId}::text, ${entry.actor}::text, ${entry.action}::text, ${entry.entity}::text, u."id"::text, NULL, ${before}::text || u."id"::text || ${after}::text, ${entry.createdAt}::timestamp(3) FROM up u)`,
    change
      ? text(
          ' SELECT u.*, (SELECT "id" FROM rc) AS "_ragChangeId", CASE WHEN EXISTS (SELECT 1 FROM rag) AND NOT EXISTS (SELECT 1 FROM go) THEN 1 / (SELECT count(*)::integer FROM go) END AS "_check"',
        )
      : text(' SELECT u.*'),
    text(' FROM (SELECT 1 AS one) one LEFT JOIN up u ON true'),
  );
  let written: (Update & { _ragChangeId?: number | null; _check?: unknown }) | undefined;
  try {
    written = await db.one(statement);
  } catch (error) {
    // 22012, division by zero: the check above undid the statement.
    if ((error as { code?: unknown }).code === '22012') return undefined;
    throw error;
  }
  if (!written || written.id === null || written.id === undefined) return undefined;
  const { _ragChangeId, _check, ...update } = written;
  return {
    update,
    workstream,
    project,
    ragChange: change ? ragChangeRow(plan, _ragChangeId!) : null,
    ragUnchanged: plan.ragUnchanged,
  };
}
