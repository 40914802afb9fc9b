/**
 * Tenant isolation (test/scenarios/cross-tenant.ts) on Slack and on Teams, through each real app:
 * two workspaces on one install (two Slack teams; two Teams tenants), and every command, button
 * and form from B that names A's references changes nothing of A's (every row of A, compared
 * whole), shows nothing of A's, opens no form, edits no message and sends nothing anywhere but
 * to B's own person and channel, and B's person is told politely what was not found.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUTTON_HANDLERS } from '../../commands/index.js';
import {
  A_SECRETS,
  type ASeed,
  COMMANDS_FROM_B,
  FORMS_FROM_B,
  NOTHING_CHANGED,
  PRESSES_FROM_B,
  seedTwoWorkspaces,
} from '../scenarios/cross-tenant.js';
import { forEachPlatform, type Outcome, type Platform, startPlatform } from '../support/platforms.js';

/** What B's person was shown and what was posted, without the quotes of their own text. */
const shownOf = (out: Outcome) => `${out.reply}\n${out.posts.join('\n')}`.replace(/```[\s\S]*?```/g, '');

it('has a case for every button the app serves', () => {
  expect(Object.keys(PRESSES_FROM_B).sort()).toEqual(BUTTON_HANDLERS.map((h) => h.actionId).sort());
});

forEachPlatform((name) => {
  let p: Platform;
  let a: ASeed;
  let aBefore: string;
  beforeEach(async () => {
    p = await startPlatform(name, { now: new Date('2026-11-23T10:00:00Z') });
    a = await seedTwoWorkspaces(p);
    aBefore = await p.rows('A');
  });
  afterEach(async () => {
    p.assertExpected();
    await p.close();
  });

  it('each side is its own workspace on this platform, with its own programme', async () => {
    for (const side of ['A', 'B'] as const) {
      const workspace = await p.db.workspace.findUniqueOrThrow({ where: { id: p.workspace(side) } });
      expect(workspace.platform).toBe(name);
      expect(await p.db.programme.count({ where: { workspaceId: p.workspace(side) } })).toBe(1);
    }
  });

  describe('commands typed in B naming A’s references', () => {
    it.each(COMMANDS_FROM_B)('%s', async (_what, typed, role, told) => {
      const bBefore = await p.countRows('B');
      const out = await p.command(typed, role, 'B');
      expect(await p.rows('A')).toBe(aBefore);
      expect(out.reply).toMatch(told);
      expect(shownOf(out)).not.toMatch(A_SECRETS);
      expect(out.posts).toEqual([]);
      expect(out.edits).toEqual([]);
      expect(out.elsewhere).toEqual([]);
      // A read of B's own (empty) lists writes nothing in B either.
      expect(await p.countRows('B')).toEqual(bBefore);
    });
  });

  describe.each(BUTTON_HANDLERS.map((h) => h.actionId))('%s pressed in B with A’s ids', (actionId) => {
    it('changes nothing of A’s and tells B’s person so, politely', async () => {
      for (const [role, value] of PRESSES_FROM_B[actionId]!(a, p)) {
        const out = await p.press(actionId, value, role, 'B');
        expect(await p.rows('A')).toBe(aBefore);
        // No form opened, no message of A's (or anyone's) edited, nothing sent outside B.
        expect(out.opened, `${actionId} ${value}: a form opened`).toBe(0);
        expect(out.edits).toEqual([]);
        expect(out.elsewhere).toEqual([]);
        const seen = shownOf(out);
        expect(seen).not.toMatch(A_SECRETS);
        expect(seen.trim(), `${actionId} ${value}: B’s person heard nothing`).not.toBe('');
        expect(seen).toMatch(NOTHING_CHANGED);
      }
    });
  });

  describe('forms submitted in B naming A’s references', () => {
    it.each(FORMS_FROM_B)('%s', async (_what, form, values, role, told) => {
      const before = await p.countRows();
      const out = await p.form(form, values, role, 'B');
      expect(out.reply).toMatch(told);
      expect(shownOf(out)).not.toMatch(A_SECRETS);
      expect(out.posts).toEqual([]);
      expect(out.elsewhere).toEqual([]);
      expect(await p.rows('A')).toBe(aBefore);
      expect(await p.countRows()).toEqual(before);
    });
  });
});
