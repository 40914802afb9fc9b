/**
 * A lead posts an update on a workstream; with a RAG word the update is also the reason for a
 * RAG change, recorded in the same transaction. Slack waits on this, so it runs on hand-written
 * SQL (db/sql.ts).
 */
import type { Project, RagChange, Update, Workstream } from '../db/generated/sqlite/client.js';
import { groupCommit } from '../db/group-commit.js';
import { type Sql, sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';
import { isRag, type Rag } from '../domain/rag.js';
import { requireLeadOrAdmin } from './authorise.js';
import { applyRagChange } from './change-rag.js';
import type { Actor, Deps } from './deps.js';
import { findProject, findWorkstream } from './find-workstream.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inSqlTransaction } from './transaction.js';
import { postUpdateInOneGo, recordUpdate } from './update-in-one-go.js';

export interface PostUpdateInput {
  workstream: string;
  /** A project of the workstream: the update (and any RAG change) is about that project. */
  project?: string;
  rag?: Rag;
  text: string;
}

export interface PostUpdateResult {
  update: Update;
  workstream: Workstream;
  project?: Project | null;
  ragChange: RagChange | null;
  /** The RAG word given was already the RAG: the update is posted and the RAG left as it was. */
  ragUnchanged?: boolean;
}

export async function postUpdate(
  input: PostUpdateInput,
  deps: Deps,
  actor: Actor,
): Promise<PostUpdateResult> {
  // Callers read the RAG from a form or a command; a value outside the list is never stored.
  if (input.rag !== undefined && !isRag(input.rag))
    throw new AppError('bad_input', 'That is not a RAG: choose red, amber, green, complete or not started.');
  // Two round trips on PostgreSQL when nothing is unusual; otherwise the transaction below answers.
  const quick = await postUpdateInOneGo(input, deps, actor);
  if (quick) return quick;
  return inSqlTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    const project = input.project ? await findProject(tx, workstream, input.project) : null;
    await requireLeadOrAdmin(tx, me, workstream, `post updates on ${workstream.code}`);
    if (input.text.trim().length === 0) {
      throw new AppError('bad_input', `The update for ${workstream.code} is empty: say what has happened.`, {
        example: `/improve update ${workstream.code} 4 social workers started this week`,
      });
    }
    const text = await guardText(tx, actor.workspaceId, input.text, 'update', deps.clock.now());
    // Saying the RAG it already has is an update, not a RAG change (which would need a new RAG).
    const ragUnchanged = input.rag !== undefined && input.rag === (project ?? workstream).rag;
    const rag = ragUnchanged ? undefined : input.rag;
    const ragChange = rag
      ? await applyRagChange(tx, deps, me, { workstream, project, rag, reason: text })
      : null;
    const update = await recordUpdate(
      tx,
      actor,
      {
        programmeId: programme.id,
        workstreamId: workstream.id,
        projectId: project?.id ?? null,
        authorId: me.id,
        text,
        rag: rag ?? null,
      },
      deps.clock.now(),
    );
    return { update, workstream, project, ragChange, ragUnchanged };
  });
}

/**
 * Remembers where the update was echoed, so edit and undo can change that message. Resolves once
 * it is stored. Posts that land while such a write is in flight are stored together, by the next
 * one statement (a group commit): under load an update costs one statement less and, on SQLite,
 * one fsync less. Alone, it is the one UPDATE it always was.
 */
export function recordUpdateMessage(
  deps: Deps,
  workspaceId: string,
  updateId: number,
  channelId: string,
  messageId: string,
): Promise<void> {
  return recordLocation(deps.sql, { workspaceId, updateId, channelId, messageId });
}

interface MessageLocation {
  workspaceId: string;
  updateId: number;
  channelId: string;
  messageId: string;
}

/** The most locations one statement stores (its JSON stays a few kilobytes). */
const LOCATIONS_PER_STATEMENT = 100;

const recordLocation = groupCommit(storeLocations, LOCATIONS_PER_STATEMENT);

function storeLocations(db: Sql, locations: MessageLocation[]): Promise<number> {
  if (locations.length === 1) {
    const [{ workspaceId, updateId, channelId, messageId }] = locations as [MessageLocation];
    return db.run(
      sql`UPDATE "Update" SET "channelId" = ${channelId}, "messageId" = ${messageId} WHERE "id" = ${updateId} AND "workspaceId" = ${workspaceId}`,
    );
  }
  // Each row still matched on its own workspace as well as its id.
  const rows = JSON.stringify(
    locations.map((l) => ({ w: l.workspaceId, i: l.updateId, c: l.channelId, m: l.messageId })),
  );
  return db.run(
    db.provider === 'postgresql'
      ? sql`UPDATE "Update" u SET "channelId" = v.c, "messageId" = v.m FROM json_to_recordset(${rows}::json) AS v(w text, i integer, c text, m text) WHERE u."id" = v.i AND u."workspaceId" = v.w`
      : sql`UPDATE "Update" SET "channelId" = v.c, "messageId" = v.m FROM (SELECT json_extract(value, '$.w') AS w, json_extract(value, '$.i') AS i, json_extract(value, '$.c') AS c, json_extract(value, '$.m') AS m FROM json_each(${rows})) AS v WHERE "Update"."id" = v.i AND "Update"."workspaceId" = v.w`,
  );
}
