/**
 * Who is sent an escalation of long-overdue actions. Escalating means telling someone above the
 * owner, so nobody is ever sent their own action: the workstream's leads get the actions of
 * others, and an action owned by a lead of the workstream goes to the programme's admins (as
 * every action does when the workstream has no lead, as with "not mine" in decline-action.ts).
 * With no admin (other than the owner) such an action is escalated to nobody: the owner still
 * has it in their daily reminder and the board sees it in the digest's overdue list.
 */

/** Why a person is sent the escalation: they lead the workstream, or they are an admin above it. */
export type EscalationRole = 'lead' | 'admin' | 'admin_no_lead';

export interface EscalationRecipient<P, A> {
  person: P;
  role: EscalationRole;
  /** In the order given. */
  actions: A[];
}

/** Each lead and admin with the escalated actions they are to be sent; none with nothing to see. */
export function escalationRecipients<P extends { id: number }, A extends { ownerId: number }>(
  leads: readonly P[],
  admins: readonly P[],
  actions: readonly A[],
): EscalationRecipient<P, A>[] {
  const leadIds = new Set(leads.map((lead) => lead.id));
  const aboveTheLeads = actions.filter((action) => leads.length === 0 || leadIds.has(action.ownerId));
  const recipients: EscalationRecipient<P, A>[] = leads.map((lead) => ({
    person: lead,
    role: 'lead',
    actions: actions.filter((action) => action.ownerId !== lead.id),
  }));
  for (const admin of admins.filter((a) => !leadIds.has(a.id))) {
    recipients.push({
      person: admin,
      role: leads.length === 0 ? 'admin_no_lead' : 'admin',
      actions: aboveTheLeads.filter((action) => action.ownerId !== admin.id),
    });
  }
  return recipients.filter((recipient) => recipient.actions.length > 0);
}
