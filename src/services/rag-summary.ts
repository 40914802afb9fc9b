/**
 * `/improve status`: the RAG summary sheet at a glance. How many workstreams are Red, Amber, Green,
 * Complete and Not started, then each workstream with its RAG and latest update. Anyone may read.
 */
import { isRag, RAG_VALUES, type Rag } from '../domain/rag.js';
import type { Actor, Deps } from './deps.js';
import { listWorkstreams, type WorkstreamSummary } from './list-workstreams.js';
import { loadProgramme } from './programme.js';

export interface RagSummary {
  programmeName: string;
  counts: Record<Rag, number>;
  workstreams: WorkstreamSummary[];
}

export async function ragSummary(deps: Deps, actor: Pick<Actor, 'workspaceId'>): Promise<RagSummary> {
  const programme = await loadProgramme(deps.sql, actor);
  const workstreams = await listWorkstreams(deps, actor, programme);
  const counts = Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number>;
  for (const w of workstreams) if (isRag(w.rag)) counts[w.rag] += 1;
  return { programmeName: programme.name, counts, workstreams };
}
