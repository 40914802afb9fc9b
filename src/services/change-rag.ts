/**
 * Changes the RAG of a workstream or one of its projects. A change always has a reason (a move to
 * Red without one is useless to the board); history is append-only. Slack waits on this, so it
 * runs on hand-written SQL (db/sql.ts).
 */
import type { Person, Project, RagChange, Workstream } from '../db/generated/sqlite/client.js';
import { type Sql, sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';
import { type Rag, ragLabel } from '../domain/rag.js';
import { type AuditEntry, audit } from './audit.js';
import { requireLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { findProject, findWorkstream } from './find-workstream.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inSqlTransaction } from './transaction.js';

export interface ChangeRagInput {
  workstream: string;
  project?: string;
  rag: Rag;
  reason: string;
}

export interface ChangeRagResult {
  workstream: Workstream;
  project: Project | null;
  change: RagChange;
}

export async function changeRag(input: ChangeRagInput, deps: Deps, actor: Actor): Promise<ChangeRagResult> {
  return inSqlTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    const project = input.project ? await findProject(tx, workstream, input.project) : null;
    const change = await applyRagChange(tx, deps, me, {
      workstream,
      project,
      rag: input.rag,
      reason: input.reason,
    });
    return { workstream, project, change };
  });
}

/** Shared with post-update: authorise, validate the reason, write history, audit. */
export async function applyRagChange(
  tx: Sql,
  deps: Deps,
  me: Person,
  input: { workstream: Workstream; project: Project | null; rag: Rag; reason: string },
): Promise<RagChange> {
  const { workstream, project, rag } = input;
  const subject = project ? `${workstream.code} / ${project.name}` : workstream.code;
  await requireLeadOrAdmin(tx, me, workstream, `change the RAG of ${workstream.code}`);
  if (input.reason.trim().length < 3) {
    throw new AppError(
      'bad_input',
      `A RAG change needs a reason: the board needs to know why ${subject} is ${ragLabel(rag)}.`,
      {
        example: `/improve rag ${workstream.code} ${rag === 'not_started' ? 'not-started' : rag} Recruitment behind plan: 6 of 12 posts filled`,
      },
    );
  }
  const reason = await guardText(tx, me.workspaceId, input.reason, 'reason', deps.clock.now());
  const from = await lockedRag(tx, project ? 'Project' : 'Workstream', (project ?? workstream).id);
  if (from === rag) {
    throw new AppError(
      'bad_input',
      `${subject} is already ${ragLabel(rag)}. To report progress without a change, post an update instead.`,
      {
        example: `/improve update ${workstream.code} ${reason}`,
      },
    );
  }
  return recordRagChange(tx, me, { workstream, project, from, rag, reason }, deps.clock.now());
}

/** The RAG change's writes, after its checks (change-rag.ts's applyRagChange makes them). */
export async function recordRagChange(
  tx: Sql,
  me: Person,
  change: { workstream: Workstream; project: Project | null; from: Rag; rag: Rag; reason: string },
  now: Date,
): Promise<RagChange> {
  const { workstream, project, from, rag, reason } = change;
  if (project)
    await tx.run(
      sql`UPDATE "Project" SET "rag" = ${rag}, "ragChangedAt" = ${now} WHERE "id" = ${project.id}`,
    );
  else
    await tx.run(
      sql`UPDATE "Workstream" SET "rag" = ${rag}, "ragChangedAt" = ${now} WHERE "id" = ${workstream.id}`,
    );
  const ragChange = (await tx.one<RagChange>(
    sql`INSERT INTO "RagChange" ("workspaceId", "programmeId", "workstreamId", "projectId", "fromRag", "toRag", "reason", "authorId", "createdAt")
        VALUES (${me.workspaceId}, ${workstream.programmeId}, ${workstream.id}, ${project?.id ?? null}, ${from}, ${rag}, ${reason}, ${me.id}, ${now})
        RETURNING *`,
  ))!;
  await audit(tx, ragChangeAudit(me, change, now));
  return ragChange;
}

/** The audit entry of a RAG change (post-update's one-statement write builds the same). */
export function ragChangeAudit(
  me: Person,
  change: { workstream: Workstream; project: Project | null; from: Rag; rag: Rag; reason: string },
  at: Date,
): AuditEntry {
  const { workstream, project, from, rag, reason } = change;
  return {
    at,
    workspaceId: me.workspaceId,
    actor: me.platformUserId,
    action: 'rag.change',
    entity: project ? 'project' : 'workstream',
    entityId: (project ?? workstream).id,
    before: { rag: from },
    after: { rag, reason },
  };
}

/**
 * The RAG as it stands now, read under a lock held to the end of the transaction, so concurrent
 * changes queue up and each `from` is the previous change's `to` (30 at once left 17 breaks in the
 * chain on PostgreSQL). SQLite's transaction already holds the database's write lock (BEGIN IMMEDIATE).
 */
async function lockedRag(tx: Sql, table: 'Project' | 'Workstream', id: number): Promise<Rag> {
  const postgres = tx.provider === 'postgresql';
  const row =
    table === 'Project'
      ? postgres
        ? await tx.one<{ rag: Rag }>(sql`SELECT "rag" FROM "Project" WHERE "id" = ${id} FOR UPDATE`)
        : await tx.one<{ rag: Rag }>(sql`SELECT "rag" FROM "Project" WHERE "id" = ${id}`)
      : postgres
        ? await tx.one<{ rag: Rag }>(sql`SELECT "rag" FROM "Workstream" WHERE "id" = ${id} FOR UPDATE`)
        : await tx.one<{ rag: Rag }>(sql`SELECT "rag" FROM "Workstream" WHERE "id" = ${id}`);
  if (!row)
    throw new AppError(
      'not_found',
      `That ${table === 'Project' ? 'project' : 'workstream'} no longer exists.`,
    );
  return row.rag;
}
