/**
 * Finds a KPI the way people name one: in full ('"Caseload average"'), or by an unambiguous
 * prefix or word ('caseload'). Unknown or ambiguous names list the choices.
 */
import type { Tx } from '../db/client.js';
import type { Kpi, KpiTarget } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { matchByName } from './find-workstream.js';

export type KpiWithTargets = Kpi & { targets: KpiTarget[] };

export async function findKpi(
  tx: Tx,
  programmeId: number,
  workspaceId: string,
  query: string,
): Promise<KpiWithTargets> {
  const all = await tx.kpi.findMany({ where: { programmeId, workspaceId }, include: { targets: true } });
  all.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const found = matchByName(all, query, (k) => [k.name]);
  if (found.length === 1) return found[0]!;
  const names = (ks: Kpi[]) => ks.map((k) => `“${k.name}”`).join(', ');
  if (found.length > 1) {
    throw new AppError(
      'ambiguous',
      `“${query}” matches more than one KPI: ${names(found)}. Give more of the name, in quotes if it has spaces.`,
      {
        example: `/improve kpi record "${found[0]!.name}" 23`,
      },
    );
  }
  if (all.length === 0) {
    throw new AppError('not_found', 'There are no KPIs yet. An admin can add one with `/improve kpi add`.', {
      example: '/improve kpi add "Caseload average" cases lower target 30 by 31/12/2026',
    });
  }
  throw new AppError('not_found', `I can't find a KPI called “${query}”. The KPIs are: ${names(all)}.`);
}
