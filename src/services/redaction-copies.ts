/**
 * The copies a stored text leaves behind besides its own row: the audit log's before/after JSON,
 * queued notices' payloads, a pre-visit pack kept for a retry to share (PackRequest.visitPack)
 * and every board pack's snapshot (BoardPack.snapshot). Each is rewritten with the marker in the
 * redaction's transaction.
 *
 * The packs keep a text as printed (printedText: mentions resolved, on one line), so they are
 * searched for that form too; a board pack's audit trail keeps it at the end of the row's words
 * ('update posted: …', clipped), where only that whole tail is replaced (redactDescription).
 */
import type { Tx } from '../db/client.js';
import { printedText } from '../digest/plain-text.js';
import { describedText, redactDescription } from '../domain/audit-words.js';
import { redactJson } from '../domain/redaction.js';
import type { BoardPackSnapshot } from './board-pack/types.js';

/**
 * The longest run of a text as it appears inside JSON with no escape in it (`\n`, `\"`), for a
 * coarse `contains` filter before the exact check: PostgreSQL's LIKE reads a backslash as its
 * own escape, so a fragment holding one would miss the very row it came from.
 */
const asJsonFragment = (text: string): string =>
  JSON.stringify(text)
    .slice(1, -1)
    .split(/\\(?:u[0-9a-fA-F]{4}|.)/)
    .reduce((a, b) => (b.length > a.length ? b : a), '');

/**
 * The fields of the packs' snapshots (board-pack/types.ts, visit-pack/types.ts) that hold what
 * someone typed: only these are redacted, so a removed note that reads 'done' or 'open' leaves
 * every action's status alone.
 */
const PACK_TEXT_FIELDS: ReadonlySet<string> = new Set(['text', 'reason', 'evidenceNote', 'dropNote']);

/** The `where` that finds a row whose `column` holds any of the fragments. */
const holding = <C extends string>(column: C, fragments: string[]) =>
  fragments.map((f) => ({ [column]: { contains: f } }) as Record<C, { contains: string }>);

/**
 * Writes each row's redacted columns (`redact` gives null for a column holding none of the
 * texts); returns how many rows changed.
 */
async function rewrite<R>(
  rows: R[],
  columns: { [C in keyof R]: R[C] extends string | null ? C : never }[keyof R][],
  redact: (json: string | null) => string | null,
  write: (row: R, data: Record<string, string>) => Promise<unknown>,
): Promise<number> {
  let changed = 0;
  for (const row of rows) {
    const data: Record<string, string> = {};
    for (const column of columns) {
      const redacted = redact(row[column] as string | null);
      if (redacted !== null) data[column as string] = redacted;
    }
    if (Object.keys(data).length === 0) continue;
    await write(row, data);
    changed += 1;
  }
  return changed;
}

/** Rewrites every audit row, notice payload, kept pre-visit pack and board pack of the workspace that holds one of `texts`; returns how many. */
export async function redactCopies(
  tx: Tx,
  workspaceId: string,
  texts: ReadonlySet<string>,
  marker: string,
): Promise<number> {
  if (texts.size === 0) return 0;
  const fragments = [...texts].map(asJsonFragment);
  const printed = new Set([...texts, ...[...texts].map(printedText)].filter((t) => t !== ''));
  // Each text's clipped words end in a prefix of it (the ellipsis aside), so this finds them too.
  const packFragments = [...printed, ...[...texts].map((t) => describedText(t).replace(/…$/, ''))].map(
    asJsonFragment,
  );
  const inJson = (json: string | null) => redactJson(json, texts, marker);
  const inPack = (json: string | null) => redactJson(json, printed, marker, PACK_TEXT_FIELDS);

  const audits = await tx.auditLog.findMany({
    where: { workspaceId, OR: [...holding('before', fragments), ...holding('after', fragments)] },
  });
  const notices = await tx.reminderLog.findMany({
    where: { workspaceId, OR: holding('payload', fragments) },
  });
  const visitPacks = await tx.packRequest.findMany({
    where: { workspaceId, OR: holding('visitPack', packFragments) },
  });
  const boardPacks = await tx.boardPack.findMany({
    where: { workspaceId, OR: holding('snapshot', packFragments) },
  });
  return (
    (await rewrite(audits, ['before', 'after'], inJson, (row, data) =>
      tx.auditLog.update({ where: { id: row.id }, data }),
    )) +
    (await rewrite(notices, ['payload'], inJson, (row, data) =>
      tx.reminderLog.update({ where: { id: row.id }, data }),
    )) +
    (await rewrite(visitPacks, ['visitPack'], inPack, (row, data) =>
      tx.packRequest.update({ where: { workspaceId_key: { workspaceId, key: row.key } }, data }),
    )) +
    (await rewrite(
      boardPacks,
      ['snapshot'],
      (json) => redactSnapshot(json, texts, printed, marker),
      (row, data) => tx.boardPack.update({ where: { id: row.id }, data }),
    ))
  );
}

/** A board pack's snapshot with every printed copy of the texts, and its audit rows' words, redacted; or null. */
function redactSnapshot(
  json: string | null,
  texts: ReadonlySet<string>,
  printed: ReadonlySet<string>,
  marker: string,
): string | null {
  if (json === null) return null;
  const whole = redactJson(json, printed, marker, PACK_TEXT_FIELDS);
  const snapshot = JSON.parse(whole ?? json) as BoardPackSnapshot;
  let described = false;
  for (const row of snapshot.audit?.rows ?? []) {
    const what = redactDescription(row, texts, marker);
    if (what === null) continue;
    row.what = what;
    described = true;
  }
  return described ? JSON.stringify(snapshot) : whole;
}
