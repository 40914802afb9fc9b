/**
 * `/improve status`: the RAG summary sheet at a glance. How many workstreams are Red, Amber, Green,
 * Complete and Not started, then each workstream with its RAG and latest update. Anyone may read.
 */

import { isRag, RAG_VALUES, type Rag } from '../domain/rag.js';
import type { Deps } from './deps.js';
import { programmeWithWorkstreams, type WorkstreamRag } from './list-workstreams.js';
import type { ProgrammeScope } from './programme.js';

export interface RagSummary {
  /** The programme summarised, for the reply's programme stamp. */
  programmeId: number;
  programmeName: string;
  /** The programme's timezone, for its dates. */
  timezone: string;
  counts: Record<Rag, number>;
  workstreams: WorkstreamRag[];
}

/** One query: the programme the actor's scope chooses, and its workstreams (programmeWithWorkstreams). */
export async function ragSummary(deps: Deps, actor: ProgrammeScope): Promise<RagSummary> {
  const { programme, workstreams } = await programmeWithWorkstreams(deps, actor);
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
