/**
 * Who may change what. The rules live here, not in the chat layer: admins change anything; a
 * workstream's leads change its RAG, updates and actions; an action's owner may complete, extend
 * or comment on it; anyone may read. A refusal says who can do it.
 */
import type { Tx } from '../db/client.js';
import type { Action, Person, Workstream } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';

export const isAdmin = (person: Person): boolean => person.role === 'admin';

export function requireAdmin(person: Person, what: string): void {
  if (!isAdmin(person))
    throw new AppError('forbidden', `Only an admin can ${what}. Ask your programme manager.`);
}

export async function isLeadOf(tx: Tx, person: Person, workstreamId: number): Promise<boolean> {
  const lead = await tx.workstreamLead.findUnique({
    where: { workstreamId_personId: { workstreamId, personId: person.id } },
  });
  return lead !== null;
}

/** Leads of the workstream and admins pass; anyone else is told who can. */
export async function requireLeadOrAdmin(
  tx: Tx,
  person: Person,
  workstream: Workstream,
  what: string,
): Promise<void> {
  if (isAdmin(person) || (await isLeadOf(tx, person, workstream.id))) return;
  throw new AppError('forbidden', `Only ${await leadsPhrase(tx, workstream)} or an admin can ${what}.`);
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
    `Only the owner (${owner ? `<@${owner.slackUserId}>` : 'unknown'}), ${await leadsPhrase(tx, workstream)} or an admin can ${what}.`,
  );
}

async function leadsPhrase(tx: Tx, workstream: Workstream): Promise<string> {
  const leads = await tx.workstreamLead.findMany({
    where: { workstreamId: workstream.id },
    include: { person: true },
  });
  const names = leads.map((l) => `<@${l.person.slackUserId}>`).join(', ');
  return `the lead of ${workstream.code}${names ? ` (${names})` : ''}`;
}
