/**
 * Produces the pre-visit pack for a visit (admins and workstream leads, as the board pack): reads
 * the visit's workstreams since the previous visit, writes the audit row (with the request's
 * PackRequest, so a retried request produces nothing twice), and renders the Word and PDF files
 * with the board pack's renderers.
 */
import type { Event, PackRequest, Programme } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import { eventKindLabel, eventRef } from '../../domain/event-kind.js';
import { audit } from '../audit.js';
import { claimPackRequest, recordPackRequest } from '../board-pack/pack-request.js';
import { requirePackProducer } from '../board-pack/produce-board-pack.js';
import type { PackFile } from '../board-pack/render-board-pack.js';
import type { Actor, Deps } from '../deps.js';
import { findVisit } from '../find-visit.js';
import { loadVisitPack, VISIT_KINDS } from './load-visit-pack.js';
import type { VisitPackSnapshot } from './types.js';
import { visitPackDocument } from './visit-pack-document.js';

export type VisitPackFormat = 'pdf' | 'docx' | 'both';

export interface ProducedVisitPack {
  snapshot: VisitPackSnapshot;
  files: PackFile[];
  /** The sharing lease this attempt holds, when a chat request produced it (sharePackOnce). */
  lease?: Date;
}

/** Refuses (writing nothing) unless the person may produce packs and the reference is a visit. */
export async function checkVisitPackRequest(
  deps: Deps,
  actor: Actor,
  ref: string,
): Promise<{ programme: Programme; visit: Event }> {
  const programme = await requirePackProducer(deps, actor, 'a pre-visit pack');
  const visit = await findVisit(deps.db, programme, ref);
  const label = `${eventRef(visit.number)} is a ${eventKindLabel(visit.kind).toLowerCase()}`;
  if (!VISIT_KINDS.includes(visit.kind))
    throw new AppError(
      'bad_input',
      `${label}: a pre-visit pack is for a monitoring visit, a focused visit or an inspection. See \`/improve visit list\`.`,
    );
  if (visit.status === 'cancelled')
    throw new AppError('bad_input', `${label} that was cancelled, so there is no visit to prepare for.`);
  return { programme, visit };
}

/**
 * Checks the request, reads the pack, audits it and renders the files asked for, once per request
 * key: a retry of the same request throws AppError('duplicate_request') and writes nothing.
 */
export async function produceVisitPack(
  deps: Deps,
  actor: Actor,
  input: { ref: string; format: VisitPackFormat },
): Promise<ProducedVisitPack> {
  const { programme, visit } = await checkVisitPackRequest(deps, actor, input.ref);
  const me = await deps.db.person.findUnique({
    where: { workspaceId_platformUserId: { workspaceId: actor.workspaceId, platformUserId: actor.userId } },
  });
  const now = deps.clock.now();
  const snapshot = await loadVisitPack(deps.db, {
    programme,
    visit,
    now,
    producedBy: me?.displayName || actor.displayName || actor.userId,
  });
  const lease = await deps.db.$transaction(async (tx) => {
    await claimPackRequest(tx, actor, now);
    await audit(tx, {
      workspaceId: programme.workspaceId,
      actor: actor.userId,
      action: 'visit_pack.produce',
      entity: 'Event',
      entityId: visit.id,
      after: {
        visit: snapshot.visit.ref,
        since: snapshot.sinceDay,
        workstreams: snapshot.workstreams.map((w) => w.code),
        format: input.format,
      },
      at: now,
    });
    const stored = { visitPack: JSON.stringify(snapshot), format: input.format };
    return recordPackRequest(tx, actor, { kind: 'visit_pack', ...stored }, now);
  });
  return { snapshot, files: await renderVisitPack(snapshot, input.format), ...(lease ? { lease } : {}) };
}

/** The files of the pack a request stored, as they were produced then (a retry after a crash shares them). */
export async function reproduceVisitPack(row: PackRequest): Promise<ProducedVisitPack> {
  const snapshot = JSON.parse(row.visitPack ?? 'null') as VisitPackSnapshot | null;
  if (!snapshot) throw new AppError('not_found', 'That request stored no pre-visit pack.');
  const format = (row.format ?? 'both') as VisitPackFormat;
  return { snapshot, files: await renderVisitPack(snapshot, format), lease: row.shareUntil };
}

/** The Word and/or PDF file of a pack; the renderers are loaded on the first pack, as the board pack's. */
export async function renderVisitPack(pack: VisitPackSnapshot, format: VisitPackFormat): Promise<PackFile[]> {
  const doc = visitPackDocument(pack);
  const base = `visit-pack-${pack.visit.ref}-${pack.visit.startDate}`;
  const title = `Pre-visit pack ${pack.visit.ref}`;
  const files: PackFile[] = [];
  if (format !== 'docx') {
    const { renderPdf } = await import('../../documents/render-pdf.js');
    files.push({ filename: `${base}.pdf`, title: `${title} (PDF)`, bytes: await renderPdf(doc) });
  }
  if (format !== 'pdf') {
    const { renderDocx } = await import('../../documents/render-docx.js');
    files.push({ filename: `${base}.docx`, title: `${title} (Word)`, bytes: await renderDocx(doc) });
  }
  return files;
}
