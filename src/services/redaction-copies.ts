/**
 * The copies a stored text leaves behind besides its own row: the audit log's before/after JSON,
 * queued notices' payloads and a pre-visit pack kept for a retry to share (PackRequest.visitPack).
 * Each is rewritten with the marker in the redaction's transaction.
 */
import type { Tx } from '../db/client.js';
import { redactJson } from '../domain/redaction.js';

/** A text as it appears inside JSON, for a coarse `contains` filter before the exact check. */
const asJsonFragment = (text: string): string => JSON.stringify(text).slice(1, -1);

/** Rewrites every audit row, notice payload and kept pre-visit pack of the workspace that holds one of `texts`; returns how many. */
export async function redactCopies(
  tx: Tx,
  workspaceId: string,
  texts: ReadonlySet<string>,
  marker: string,
): Promise<number> {
  if (texts.size === 0) return 0;
  const fragments = [...texts].map(asJsonFragment);
  const audits = await tx.auditLog.findMany({
    where: {
      workspaceId,
      OR: fragments.flatMap((f) => [{ before: { contains: f } }, { after: { contains: f } }]),
    },
  });
  let changed = 0;
  for (const row of audits) {
    const before = redactJson(row.before, texts, marker);
    const after = redactJson(row.after, texts, marker);
    if (before === null && after === null) continue;
    await tx.auditLog.update({
      where: { id: row.id },
      data: { ...(before !== null ? { before } : {}), ...(after !== null ? { after } : {}) },
    });
    changed += 1;
  }
  const notices = await tx.reminderLog.findMany({
    where: { workspaceId, OR: fragments.map((f) => ({ payload: { contains: f } })) },
  });
  for (const row of notices) {
    const payload = redactJson(row.payload, texts, marker);
    if (payload === null) continue;
    await tx.reminderLog.update({ where: { id: row.id }, data: { payload } });
    changed += 1;
  }
  const packs = await tx.packRequest.findMany({
    where: { workspaceId, OR: fragments.map((f) => ({ visitPack: { contains: f } })) },
  });
  for (const row of packs) {
    const visitPack = row.visitPack === null ? null : redactJson(row.visitPack, texts, marker);
    if (visitPack === null) continue;
    await tx.packRequest.update({
      where: { workspaceId_key: { workspaceId, key: row.key } },
      data: { visitPack },
    });
    changed += 1;
  }
  return changed;
}
