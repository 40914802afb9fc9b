/**
 * The authorisation matrices (test/scenarios/authorisation.ts) on Slack and on Teams, through
 * each real app: actions, the plan's other records, and the evidence of grip. Rows are the
 * people, columns the mutating subcommands; each cell works on fresh data and checks what the
 * person is told and what the database holds afterwards. A refusal writes nothing anywhere.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cellsOf, MATRICES } from '../scenarios/authorisation.js';
import { forEachPlatform, type Platform, startPlatform } from '../support/platforms.js';

forEachPlatform((name) => {
  describe.each(MATRICES)('authorisation matrix for $title', (matrix) => {
    let p: Platform;
    beforeAll(async () => {
      p = await startPlatform(name, { now: new Date('2026-11-23T10:00:00Z') });
      await p.seed();
      await matrix.setUp?.(p);
    });
    afterEach(() => p.assertExpected());
    afterAll(async () => {
      await p?.close();
    });

    let cell = 0;
    it.each(cellsOf(matrix))('$column by $row: allowed = $allowed', async ({ column, row, allowed }) => {
      const n = ++cell;
      const text = await matrix.prepare(p, column, n, row);
      const before = await p.countRows();
      const out = await p.command(text, matrix.rows[row]!);
      expect(await matrix.changed(p, column, n, row)).toBe(allowed);
      const after = await p.countRows();
      if (matrix.check === 'events') {
        if (allowed) {
          expect(out.posts).toHaveLength(1);
          expect(out.replies).toEqual([]);
          expect(after.ActionEvent).toBe((before.ActionEvent ?? 0) + 1);
          expect(after.AuditLog).toBe((before.AuditLog ?? 0) + 1);
        } else {
          expect(out.posts).toEqual([]);
          expect(out.reply).toMatch(matrix.refusal(column));
          expect(after.ActionEvent).toBe(before.ActionEvent);
          expect(after.AuditLog).toBe(before.AuditLog);
        }
        return;
      }
      if (allowed) {
        expect(out.reply).not.toContain('[warning]');
        expect(after.AuditLog).toBe((before.AuditLog ?? 0) + 1);
      } else {
        expect(out.reply).toMatch(matrix.refusal(column));
        expect(out.reply).toContain(`Your text, so nothing is lost:\n\`\`\`${p.invocation} ${p.typed(text)}`);
        expect(after).toEqual(before);
      }
    });
  });
});
