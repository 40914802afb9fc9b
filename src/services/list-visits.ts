/** `/improve visit list`: what is coming (soonest first), then the most recent past events. Anyone may read. */

import type { Event } from '../db/generated/sqlite/client.js';
import { type Day, todayIn } from '../domain/dates.js';
import type { Deps } from './deps.js';
import { type ProgrammeScope, programmeIfAny } from './programme.js';

export interface ListedEvent extends Event {
  workstreamCodes: string[];
}

export interface VisitList {
  today: Day;
  /** Not yet over (in progress included), soonest first. */
  upcoming: ListedEvent[];
  /** Over, most recent first; at most `pastLimit`. */
  past: ListedEvent[];
}

/** Cancelled events are left out: the audit log keeps them. */
export async function listVisits(deps: Deps, actor: ProgrammeScope, pastLimit = 5): Promise<VisitList> {
  const programme = await programmeIfAny(deps.db, actor);
  const today = todayIn(deps.clock.now(), programme?.timezone ?? 'Europe/London');
  if (!programme) return { today, upcoming: [], past: [] };
  const events = await deps.db.event.findMany({
    where: { programmeId: programme.id, workspaceId: actor.workspaceId, status: { not: 'cancelled' } },
    include: { workstreams: { include: { workstream: { select: { code: true } } } } },
    orderBy: [{ startDate: 'asc' }, { number: 'asc' }],
  });
  const listed = events.map(({ workstreams, ...e }) => ({
    ...e,
    workstreamCodes: workstreams.map((w) => w.workstream.code).sort(),
  }));
  const over = (e: Event) => (e.endDate ?? e.startDate) < today;
  return {
    today,
    upcoming: listed.filter((e) => !over(e)),
    past: listed.filter(over).reverse().slice(0, pastLimit),
  };
}
