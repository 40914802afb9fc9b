/**
 * `/improve admins add|remove|list` through the real Bolt app: admins are stored in the database
 * (Person.role); ADMIN_USER_IDS and setup's first person only bootstrap them. Refusals write nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
async function start(adminUserIds?: string[]) {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z'), adminUserIds });
  await seedProgramme(e.t.deps);
}
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const roleOf = async (userId: string) =>
  (await e.t.deps.db.person.findFirst({ where: { platformUserId: userId } }))?.role;

describe('/improve admins', () => {
  it('an admin adds another, who can then do admin work; the change is audited', async () => {
    await start();
    const refused = await e.command('visit add board 15/01/2027', U.member);
    expect(refused.reply).toContain('Only an admin can record visits');
    const out = await e.command('admins add <@U0MEMBER>', U.admin);
    expect(out.reply).toContain(':white_check_mark: <@U0MEMBER> is now an admin.');
    expect(await roleOf(U.member)).toBe('admin');
    const row = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'admin.add' } });
    expect(JSON.parse(row.before!)).toEqual({ platformUserId: U.member, role: 'member' });
    expect(JSON.parse(row.after!)).toEqual({ platformUserId: U.member, role: 'admin' });
    expect((await e.command('visit add board 15/01/2027', U.member)).reply).toContain('*V-1 Board meeting*');
    const list = await e.command('admins list', U.owner);
    expect(list.reply).toContain('*Admins*\n• <@U0ADMIN>\n• <@U0MEMBER>');
  });

  it('removes an admin, who goes back to lead if they lead a workstream', async () => {
    await start();
    await e.command('admins add <@U0LEAD1>', U.admin);
    const out = await e.command('admins remove <@U0LEAD1>', U.admin);
    expect(out.reply).toContain('<@U0LEAD1> is no longer an admin (still a workstream lead).');
    expect(await roleOf(U.lead)).toBe('lead');
    expect((await e.command('visit add board 15/01/2027', U.lead)).reply).toContain('Only an admin');
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'admin.remove' } })).toBe(1);
  });

  it('the last admin cannot remove themself, and nothing is written', async () => {
    await start();
    const before = await countRows(e.t.deps.db);
    const out = await e.command('admins remove <@U0ADMIN>', U.admin);
    expect(out.reply).toContain('You are the last admin, so you cannot remove yourself');
    expect(out.reply).toContain('/improve admins remove <@U0ADMIN>');
    expect(await countRows(e.t.deps.db)).toEqual(before);
    // With a second admin, they can.
    await e.command('admins add <@U0OWNER>', U.admin);
    expect((await e.command('admins remove <@U0ADMIN>', U.admin)).reply).toContain('is no longer an admin');
    expect(await roleOf(U.admin)).toBe('member');
  });

  it('keeps ADMIN_USER_IDS working as a bootstrap: such an admin is listed and cannot be removed here', async () => {
    await start([U.admin, 'U0BOOT']);
    const list = await e.command('admins list', U.member);
    expect(list.reply).toContain('• <@U0BOOT> _(from the ADMIN_USER_IDS setting)_');
    const added = await e.command('admins add <@U0OWNER>', 'U0BOOT');
    expect(added.reply).toContain('is now an admin');
    const before = await countRows(e.t.deps.db);
    const out = await e.command('admins remove <@U0BOOT>', U.owner);
    expect(out.reply).toContain('is an admin through the ADMIN_USER_IDS setting');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  const MATRIX = [
    { who: 'admin', userId: U.admin, allowed: true },
    { who: 'lead', userId: U.lead, allowed: false },
    { who: 'action owner', userId: U.owner, allowed: false },
    { who: 'plain member', userId: U.member, allowed: false },
  ];
  it.each(MATRIX.flatMap((m) => ['add', 'remove'].map((verb) => ({ ...m, verb }))))(
    'admins $verb by $who: allowed = $allowed',
    async ({ userId, allowed, verb }) => {
      await start();
      // U0OTHER is an admin to remove; for add, a newcomer.
      if (verb === 'remove') await e.command('admins add <@U0OTHER>', U.admin);
      const before = await countRows(e.t.deps.db);
      const text = `admins ${verb} <@U0OTHER>`;
      const out = await e.command(text, userId);
      const after = await countRows(e.t.deps.db);
      const expected = allowed ? { add: 'admin', remove: 'member' } : { add: undefined, remove: 'admin' };
      expect(await roleOf('U0OTHER')).toBe(expected[verb as 'add' | 'remove']);
      if (allowed) expect(after.AuditLog).toBe(before.AuditLog! + 1);
      else {
        expect(out.reply).toContain(`Only an admin can ${verb} admins`);
        expect(out.reply).toContain(`/improve ${text}`);
        expect(after).toEqual(before);
      }
    },
  );
});
