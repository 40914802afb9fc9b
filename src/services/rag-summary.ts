/**
 * `/improve status`: the RAG summary sheet at a glance. How many workstreams are Red, Amber, Green,
 * Complete and Not started, then each workstream with its RAG and latest update. Anyone may read.
 */

import type { Programme } from '../db/generated/sqlite/client.js';
import { isRag, RAG_VALUES, type Rag } from '../domain/rag.js';
import type { Deps } from './deps.js';
import { listWorkstreams, type WorkstreamSummary } from './list-workstreams.js';
import { chooseProgramme, loadProgramme, type ProgrammeScope } from './programme.js';

export interface RagSummary {
  /** The programme summarised, for the reply's programme stamp. */
  programmeId: number;
  programmeName: string;
  counts: Record<Rag, number>;
  workstreams: WorkstreamSummary[];
}

/**
 * One query when the request has read its workspace's programmes already (`programmes`, from its
 * CommandContext), two otherwise.
 */
export async function ragSummary(
  deps: Deps,
  actor: ProgrammeScope,
  programmes?: readonly Programme[],
): Promise<RagSummary> {
  const programme = programmes ? chooseProgramme(programmes, actor) : await loadProgramme(deps.sql, actor);
  const workstreams = await listWorkstreams(deps, actor, programme);
  const counts = Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number>;
  for (const w of workstreams) if (isRag(w.rag)) counts[w.rag] += 1;
  return { programmeId: programme.id, programmeName: programme.name, counts, workstreams };
}
