import { describe, expect, it } from 'vitest';
import { escalationRecipients } from '../../src/domain/escalation.js';

const lead = { id: 1 };
const coLead = { id: 2 };
const admin = { id: 3 };
const action = (id: number, ownerId: number) => ({ id, ownerId });

const summary = (
  recipients: ReturnType<typeof escalationRecipients<{ id: number }, { id: number; ownerId: number }>>,
) => recipients.map((r) => ({ to: r.person.id, role: r.role, actions: r.actions.map((a) => a.id) }));

describe('who an escalation goes to', () => {
  it('sends the lead other people’s actions and the admins the lead’s own', () => {
    expect(summary(escalationRecipients([lead], [admin], [action(10, 9), action(11, 1)]))).toEqual([
      { to: 1, role: 'lead', actions: [10] },
      { to: 3, role: 'admin', actions: [11] },
    ]);
  });

  it('never sends anyone their own action, even an admin who leads', () => {
    expect(summary(escalationRecipients([admin], [admin], [action(10, 3)]))).toEqual([]);
    expect(summary(escalationRecipients([lead], [lead], [action(10, 1)]))).toEqual([]);
  });

  it('lets a co-lead see what the other lead owns, and tells the admins too', () => {
    expect(summary(escalationRecipients([lead, coLead], [admin], [action(10, 1)]))).toEqual([
      { to: 2, role: 'lead', actions: [10] },
      { to: 3, role: 'admin', actions: [10] },
    ]);
  });

  it('sends everything to the admins when the workstream has no lead', () => {
    expect(summary(escalationRecipients([], [admin], [action(10, 9), action(11, 3)]))).toEqual([
      { to: 3, role: 'admin_no_lead', actions: [10] },
    ]);
  });

  it('sends nothing when nothing is overdue', () => {
    expect(escalationRecipients([lead], [admin], [])).toEqual([]);
  });
});
