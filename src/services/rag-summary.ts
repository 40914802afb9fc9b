/**
 * `/improve status`: the RAG summary sheet at a glance. How many workstreams are Red, Amber, Green,
 * Complete and Not started, then each workstream with its RAG and latest update. Anyone may read.
 */

import type { Programme } from '../db/generated/sqlite/client.js';
import { isRag, RAG_VALUES, type Rag } from '../domain/rag.js';
import type { Deps } from './deps.js';
import { listWorkstreams, programmeWithWorkstreams, type WorkstreamSummary } from './list-workstreams.js';
import { chooseProgramme, type ProgrammeScope } from './programme.js';

export interface RagSummary {
  /** The programme summarised, for the reply's programme stamp. */
  programmeId: number;
  programmeName: string;
  /** The programme's timezone, for its dates. */
  timezone: string;
  counts: Record<Rag, number>;
  workstreams: WorkstreamSummary[];
}

/**
 * One query: with the workspace's programmes read already (`programmes`, from a CommandContext),
 * of the workstreams; without, of both at once (programmeWithWorkstreams).
 */
export async function ragSummary(
  deps: Deps,
  actor: ProgrammeScope,
  programmes?: readonly Programme[],
): Promise<RagSummary> {
  const { programme, workstreams } = programmes
    ? await withWorkstreams(deps, actor, chooseProgramme(programmes, actor))
    : await programmeWithWorkstreams(deps, actor);
  const counts = Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number>;
  for (const w of workstreams) if (isRag(w.rag)) counts[w.rag] += 1;
  return {
    programmeId: programme.id,
    programmeName: programme.name,
    timezone: programme.timezone,
    counts,
    workstreams,
  };
}

const withWorkstreams = async (deps: Deps, actor: ProgrammeScope, programme: Programme) => ({
  programme,
  workstreams: await listWorkstreams(deps, actor, programme),
});
