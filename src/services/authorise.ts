/**
 * Who may change what. The rules live here, not in the chat layer: admins change anything; a
 * workstream's leads change its RAG, updates and actions; an action's owner may complete, extend
 * or comment on it; anyone may read. A refusal says who can do it.
 */
import type { Tx } from '../db/client.js';
import type { Action, Person, Workstream } from '../db/generated/sqlite/client.js';
import { isSql, type Sql, sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';

export const isAdmin = (person: Person): boolean => person.role === 'admin';

export function requireAdmin(person: Person, what: string): void {
  if (!isAdmin(person))
    throw new AppError('forbidden', `Only an admin can ${what}. Ask your programme manager.`);
}

export async function isLeadOf(db: Tx | Sql, person: Person, workstreamId: number): Promise<boolean> {
  const lead = isSql(db)
    ? await db.one(
        sql`SELECT 1 FROM "WorkstreamLead" WHERE "workstreamId" = ${workstreamId} AND "personId" = ${person.id}`,
      )
    : await db.workstreamLead.findUnique({
        where: { workstreamId_personId: { workstreamId, personId: person.id } },
      });
  return Boolean(lead);
}

/** Leads of the workstream and admins pass; anyone else is told who can. */
export async function requireLeadOrAdmin(
  db: Tx | Sql,
  person: Person,
  workstream: Workstream,
  what: string,
): Promise<void> {
  if (isAdmin(person) || (await isLeadOf(db, person, workstream.id))) return;
  throw new AppError('forbidden', `Only ${await leadsPhrase(db, workstream)} or an admin can ${what}.`);
}

/** The owner, the workstream's leads and admins pass. */
export async function requireOwnerLeadOrAdmin(
  tx: Tx,
  person: Person,
  action: Action,
  workstream: Workstream,
  what: string,
): Promise<void> {
  if (action.ownerId === person.id || isAdmin(person) || (await isLeadOf(tx, person, workstream.id))) return;
  const owner = await tx.person.findUnique({ where: { id: action.ownerId } });
  throw new AppError(
    'forbidden',
    `Only the owner (${owner ? `<person:${owner.platformUserId}>` : 'unknown'}), ${await leadsPhrase(tx, workstream)} or an admin can ${what}.`,
  );
}

async function leadsPhrase(db: Tx | Sql, workstream: Workstream): Promise<string> {
  const leads = isSql(db)
    ? await db.all<{ platformUserId: string }>(
        sql`SELECT p."platformUserId" FROM "WorkstreamLead" l JOIN "Person" p ON p."id" = l."personId" WHERE l."workstreamId" = ${workstream.id} ORDER BY p."id"`,
      )
    : (
        await db.workstreamLead.findMany({
          where: { workstreamId: workstream.id },
          include: { person: true },
        })
      ).map((l) => l.person);
  const names = leads.map((l) => `<person:${l.platformUserId}>`).join(', ');
  return `the lead of ${workstream.code}${names ? ` (${names})` : ''}`;
}
