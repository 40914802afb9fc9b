/**
 * `/improve redact …` and the "Remove personal data" message shortcut: an admin, or the author,
 * removes a stored text that should never have been kept. Every copy (history, audit before and
 * after, notice payloads, stored packs: redaction-copies.ts) gets the marker; the removal itself
 * is audited without the text. On SQLite the write-ahead log is then checkpointed and truncated,
 * so with secure_delete on (see db/client.ts) no byte of the text is left in the database file,
 * its free pages or its WAL.
 */
import type { Tx } from '../db/client.js';
import type { Person } from '../db/generated/sqlite/client.js';
import { sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';
import { redactionMarker } from '../domain/redaction.js';
import { audit } from './audit.js';
import type { Actor, Deps } from './deps.js';
import { findAction } from './find-action.js';
import { loadProgramme } from './programme.js';
import { type RedactedAction, redactAction } from './redact-action.js';
import { findUpdate, type RedactedUpdate, redactUpdate } from './redact-update.js';
import { inTransaction } from './transaction.js';

export type RedactTarget =
  | { kind: 'update'; id: number }
  | { kind: 'action'; ref: string }
  /**
   * A message: the update echoed there, else, on a post of the bot's own (`fromBot`), the action
   * it names (`actionRef`, read from its text).
   */
  | { kind: 'message'; channelId: string; messageId: string; fromBot: boolean; actionRef?: string };

export type Redaction = { marker: string } & (
  | ({ kind: 'update' } & RedactedUpdate)
  | ({ kind: 'action' } & RedactedAction)
);

/**
 * The redaction rewrites every stored pack of the workspace that holds the text, in one
 * transaction: with many large board packs (50 of 1.2 MB took 4.1 s) that passes Prisma's 5 s
 * default, which would roll the whole removal back and leave the text everywhere.
 */
export const REDACTION_TIMEOUT_MS = 60_000;

export async function redactText(target: RedactTarget, deps: Deps, actor: Actor): Promise<Redaction> {
  const result = await inTransaction(
    deps,
    actor,
    async (tx, me) => {
      const programme = await loadProgramme(tx, actor);
      const marker = redactionMarker(
        me.displayName || me.platformUserId,
        deps.clock.now(),
        programme.timezone,
      );
      const redaction = await redactTarget(tx, me, programme, target, marker);
      const entityId = redaction.kind === 'update' ? redaction.update.id : redaction.action.id;
      await audit(tx, {
        at: deps.clock.now(),
        workspaceId: actor.workspaceId,
        actor: actor.userId,
        action: 'redact',
        entity: redaction.kind,
        entityId,
        after: {
          removed: redaction.kind === 'update' ? ['text'] : redaction.parts,
          copies: redaction.copies,
          ...(redaction.unreadable.length > 0 ? { unreadable: redaction.unreadable } : {}),
          marker,
        },
      });
      return redaction;
    },
    { timeout: REDACTION_TIMEOUT_MS },
  );
  // Ids only: the rows may hold the very text being removed.
  for (const row of result.unreadable)
    deps.logger.warn(
      { table: row.table, id: row.id },
      'redaction: a stored copy is not valid JSON; the text was replaced where it is a whole value, but part of it may be left: check the row by hand',
    );
  await truncateLog(deps);
  return result;
}

async function redactTarget(
  tx: Tx,
  me: Person,
  programme: Parameters<typeof findUpdate>[1],
  target: RedactTarget,
  marker: string,
): Promise<Redaction> {
  if (target.kind === 'action') {
    const action = await findAction(tx, programme, target.ref);
    return { kind: 'action', marker, ...(await redactAction(tx, me, action, marker)) };
  }
  const update = await findUpdate(tx, programme, target.kind === 'update' ? { id: target.id } : target);
  if (update) return { kind: 'update', marker, ...(await redactUpdate(tx, me, update, marker)) };
  if (target.kind === 'update')
    throw new AppError(
      'not_found',
      `There is no update ${target.id}. The number is in the grey line under the update in the channel (“update 12”).`,
    );
  if (!target.fromBot)
    throw new AppError(
      'bad_input',
      'That message was not posted by the improvement bot, so I hold no text of it to remove. Someone’s own message can be deleted in Slack (by them, or by a workspace admin).',
    );
  if (!target.actionRef)
    throw new AppError(
      'not_found',
      'I have no stored text for that message. The shortcut works on the updates and action posts I made in the channel; for anything else, use `/improve redact update 12` (its number) or `/improve redact A-12`.',
    );
  const action = await findAction(tx, programme, target.actionRef);
  return { kind: 'action', marker, ...(await redactAction(tx, me, action, marker)) };
}

/**
 * After the commit the old page images, text included, are still in the WAL until a checkpoint
 * copies the new pages into the database: TRUNCATE does that and empties the WAL file.
 */
async function truncateLog(deps: Deps): Promise<void> {
  if (deps.sql.provider !== 'sqlite') return;
  const [result] = await deps.sql.all<{ busy: number }>(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  // Another process reading the database (a digest run) can hold the checkpoint back: the WAL
  // then keeps the old page images until a later TRUNCATE checkpoint, so say so loudly.
  if (result?.busy)
    deps.logger.warn(
      'redaction: the WAL checkpoint was blocked by another connection; the removed text may stay in the -wal file until the next redaction or a restart',
    );
}
