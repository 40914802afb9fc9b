/**
 * The copies a stored text leaves behind besides its own row: the audit log's before/after JSON,
 * queued notices' payloads, a pre-visit pack kept for a retry to share (PackRequest.visitPack)
 * and every board pack's snapshot (BoardPack.snapshot). Each is rewritten with the marker in the
 * redaction's transaction.
 *
 * The packs keep a text as printed (printedText: mentions resolved, on one line), so they are
 * searched for that form too; a board pack's audit trail keeps it at the end of the row's words
 * ('update posted: …', clipped), where only that whole tail is replaced (redactDescription).
 *
 * A row that is not JSON (corrupt, or edited by hand) cannot be walked, so its whole values are
 * replaced as text instead of stopping the redaction, and it is reported by id (UnreadableCopy).
 */
import type { Tx } from '../db/client.js';
import { printedText } from '../digest/plain-text.js';
import { describedText, redactDescription } from '../domain/audit-words.js';
import { type Redacted, redactValue } from '../domain/redaction.js';
import type { BoardPackSnapshot, PackAuditRow } from './board-pack/types.js';
import { type RedactedCopies, rewrite, type Search } from './redaction-rewrite.js';

export type { RedactedCopies, UnreadableCopy } from './redaction-rewrite.js';

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
 * Rewrites every audit row, notice payload, kept pre-visit pack and board pack of the workspace
 * that holds one of `texts`; says how many, and which rows could not be read as JSON.
 */
export async function redactCopies(
  tx: Tx,
  workspaceId: string,
  texts: ReadonlySet<string>,
  marker: string,
): Promise<RedactedCopies> {
  if (texts.size === 0) return { rewritten: 0, unreadable: [] };
  const fragments = [...texts].map(asJsonFragment);
  const printed = new Set([...texts, ...[...texts].map(printedText)].filter((t) => t !== ''));
  const described = [...texts].map(describedText);
  // Each text's clipped words end in a prefix of it (the ellipsis aside), so this finds them too.
  const packFragments = [...printed, ...described.map((t) => t.replace(/…$/, ''))].map(asJsonFragment);
  const inJson: Search = {
    table: 'AuditLog',
    redact: (value) => redactValue(value, texts, marker),
    unreadable: { values: texts },
    fragments,
    marker,
  };
  const inPack: Search = {
    table: 'PackRequest',
    redact: (value) => redactValue(value, printed, marker, PACK_TEXT_FIELDS),
    unreadable: { values: printed, keys: PACK_TEXT_FIELDS, tails: described },
    fragments: packFragments,
    marker,
  };

  const audits = await tx.auditLog.findMany({
    where: { workspaceId, OR: [...holding('before', fragments), ...holding('after', fragments)] },
    select: { id: true, before: true, after: true },
  });
  const notices = await tx.reminderLog.findMany({
    where: { workspaceId, OR: holding('payload', fragments) },
    select: { id: true, payload: true },
  });
  const visitPacks = await tx.packRequest.findMany({
    where: { workspaceId, OR: holding('visitPack', packFragments) },
    select: { key: true, visitPack: true },
  });
  // The packs are the big rows (a large plan's is over a megabyte): only those holding a fragment,
  // found through BoardPack's workspaceId index, and only the columns rewritten.
  const boardPacks = await tx.boardPack.findMany({
    where: { workspaceId, OR: holding('snapshot', packFragments) },
    select: { id: true, snapshot: true },
  });
  const parts = [
    await rewrite(
      audits,
      (r) => String(r.id),
      ['before', 'after'],
      inJson,
      (row, data) => tx.auditLog.update({ where: { id: row.id }, data }),
    ),
    await rewrite(
      notices,
      (r) => String(r.id),
      ['payload'],
      { ...inJson, table: 'ReminderLog' },
      (row, data) => tx.reminderLog.update({ where: { id: row.id }, data }),
    ),
    await rewrite(
      visitPacks,
      (r) => r.key,
      ['visitPack'],
      inPack,
      (row, data) =>
        tx.packRequest.update({ where: { workspaceId_key: { workspaceId, key: row.key } }, data }),
    ),
    await rewrite(
      boardPacks,
      (r) => String(r.id),
      ['snapshot'],
      { ...inPack, table: 'BoardPack', redact: (value) => redactSnapshot(value, texts, printed, marker) },
      (row, data) => tx.boardPack.update({ where: { id: row.id }, data }),
    ),
  ];
  return {
    rewritten: parts.reduce((n, p) => n + p.rewritten, 0),
    unreadable: parts.flatMap((p) => p.unreadable),
  };
}

/** A board pack's snapshot with every printed copy of the texts, and its audit rows' words, redacted. */
function redactSnapshot(
  value: unknown,
  texts: ReadonlySet<string>,
  printed: ReadonlySet<string>,
  marker: string,
): Redacted {
  const whole = redactValue(value, printed, marker, PACK_TEXT_FIELDS);
  // A fresh copy (redactValue rebuilds every object), so its rows can be changed in place.
  const snapshot = whole.value as BoardPackSnapshot;
  let described = false;
  const rows: unknown = snapshot?.audit?.rows;
  // A snapshot edited by hand may be JSON of another shape: its rows are left to the walk above.
  for (const row of Array.isArray(rows) ? (rows as (PackAuditRow | null)[]) : []) {
    if (!row || typeof row.what !== 'string') continue;
    const what = redactDescription(row, texts, marker);
    if (what === null) continue;
    row.what = what;
    described = true;
  }
  return { value: snapshot, found: whole.found || described };
}
