/**
 * `/improve settings case-reference`: an admin teaches the guard the council's own format from
 * one example, through the real Bolt app. Only the format is stored, never the example; formats
 * that would refuse ordinary text are refused; every change is audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { shownText } from '../support/refusals.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const storedPatterns = async () =>
  JSON.parse((await e.t.deps.db.workspace.findUniqueOrThrow({ where: { id: TEAM } })).caseReferencePatterns);

describe('/improve settings case-reference', () => {
  it('adds a format from an example, refuses updates that carry one, and removes it again', async () => {
    const update = 'update WS1 Discussed WR-004512 at the legal gateway panel';
    expect((await e.command(update, U.lead)).posts).toHaveLength(1);

    const added = await e.command('settings case-reference add WR-000123', U.admin);
    expect(shownText(added.replies)).toContain('Added the format WR-###### (# is any digit)');
    expect(shownText(added.replies)).toContain('WR-000123 or WR-333456');
    expect(await storedPatterns()).toHaveLength(1);
    // The example may be a real child's reference: neither the settings nor the audit log keep it.
    const audit = await e.t.deps.db.auditLog.findFirstOrThrow({
      where: { action: 'settings.case_reference.add' },
    });
    expect(audit.actor).toBe(U.admin);
    expect(JSON.stringify([audit, await storedPatterns()])).not.toContain('000123');

    const before = await countRows(e.t.deps.db);
    const refused = await e.command(update, U.lead);
    expect(shownText(refused.replies)).toContain('a case reference (“WR-004512”, at character 11)');
    expect(await countRows(e.t.deps.db)).toEqual(before);

    const listed = await e.command('settings case-reference list', U.admin);
    expect(shownText(listed.replies)).toContain('1. WR-######');
    const removed = await e.command('settings case-reference remove 1', U.admin);
    expect(shownText(removed.replies)).toContain('Removed the format WR-######');
    expect(await storedPatterns()).toEqual([]);
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'settings.case_reference.remove' } })).toBe(1);
    expect((await e.command(update, U.lead)).posts).toHaveLength(1);
  });

  it.each([
    ['12/03/2026', 'would also match “31/03/2027”'],
    ['1234', 'too short to tell a case reference from ordinary numbers'],
    ['WR-0001<script>', 'can only have letters, digits'],
  ])('refuses %s as a format, writing nothing', async (example, message) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(`settings case-reference add ${example}`, U.admin);
    expect(shownText(out.replies)).toContain(message);
    expect(shownText(out.replies)).toContain('Your text, so nothing is lost');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('is for admins only', async () => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('settings case-reference add WR-000123', U.lead);
    expect(shownText(out.replies)).toContain('Only an admin can change the case-reference formats');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});
