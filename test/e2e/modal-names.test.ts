/**
 * Names where Slack cannot show a mention: a modal's field errors are plain text, so a refusal
 * there names people ("Jo Lead"), not '<@U0LEAD1>'; and the user's own text echoed in a code
 * block shows '@olly' as they typed it, not Slack's '<@U0OWNER|olly>' escape.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { at } from '../support/reminders.js';

const NAMES: Record<string, string> = {
  [U.lead]: 'Jo Lead',
  [U.owner]: 'Olly Owner',
  [U.member]: 'Mo Member',
};

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2026-11-02 10:00');
  await seedProgramme(e.t.deps);
  e.slack.handle('users.info', (args) => {
    const id = String(args.user ?? '');
    if (!NAMES[id]) return { ok: false, error: 'user_not_found' };
    return {
      ok: true,
      user: { id, name: id.toLowerCase(), profile: { display_name: NAMES[id], real_name: '' } },
    };
  });
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const lastView = () => e.slack.views.at(-1)!.view as { callback_id: string; private_metadata: string };

async function submitForm(command: string, values: Record<string, string>) {
  await e.command(command, U.member);
  const form = lastView();
  const http = await e.submit({
    userId: U.member,
    callbackId: form.callback_id,
    privateMetadata: form.private_metadata,
    values,
  });
  return http.body as { response_action?: string; errors?: Record<string, string> };
}

describe('modal errors', () => {
  it('name the lead in the action form, and nothing is stored', async () => {
    const body = await submitForm('action add', {
      workstream: 'option:WS1',
      owner: `user:${U.owner}`,
      due: 'date:2027-03-31',
      text: 'Recruit four newly qualified social workers',
    });
    expect(body.response_action).toBe('errors');
    expect(body.errors?.workstream).toBe(
      'Only the lead of WS1 (Jo Lead) or an admin can add actions to WS1.',
    );
    expect(await e.t.deps.db.action.count({ where: { workspaceId: TEAM } })).toBe(0);
  });

  it('name the lead in the update form', async () => {
    const body = await submitForm('update', {
      workstream: 'option:WS1',
      text: 'Recruitment campaign launched',
    });
    expect(body.errors?.text).toContain('Only the lead of WS1 (Jo Lead) or an admin');
    expect(JSON.stringify(body.errors)).not.toContain('<@');
    expect(await e.t.deps.db.update.count({ where: { workspaceId: TEAM } })).toBe(0);
  });

  it('fall back to the name we stored, then to the bare id, when Slack does not know the person', async () => {
    delete NAMES[U.lead];
    try {
      const body = await submitForm('update', {
        workstream: 'option:WS1',
        text: 'Recruitment campaign launched',
      });
      expect(body.errors?.text).toContain(`Only the lead of WS1 (${U.lead}) or an admin`);
      await e.t.deps.db.person.updateMany({
        where: { workspaceId: TEAM, platformUserId: U.lead },
        data: { displayName: 'jo.lead' },
      });
      const again = await submitForm('update', {
        workstream: 'option:WS1',
        text: 'Recruitment campaign launched',
      });
      expect(again.errors?.text).toContain('Only the lead of WS1 (jo.lead) or an admin');
    } finally {
      NAMES[U.lead] = 'Jo Lead';
    }
  });
});

describe('the user’s text echoed back', () => {
  it('shows a mention as it was typed, @name, in the copy of a refused command', async () => {
    const { reply } = await e.command(
      `action add WS9 <@${U.owner}|olly> 31/03/2027 Recruit four social workers`,
      U.admin,
    );
    const echo = reply.slice(reply.indexOf('Your text, so nothing is lost:'));
    expect(echo).toContain('```/improve action add WS9 @olly 31/03/2027 Recruit four social workers```');
    expect(echo).not.toContain(`<@${U.owner}`);
    expect(await e.t.deps.db.action.count({ where: { workspaceId: TEAM } })).toBe(0);
  });

  it('writes a mention quoted in the refusal itself as typed, too', async () => {
    const { reply } = await e.command(`action done <@${U.owner}|olly>`, U.owner);
    expect(reply.split('\n')[0]).toContain('“@olly”');
    expect(reply).toContain('```/improve action done @olly```');
    expect(reply).not.toContain(`<@${U.owner}`);
  });
});
