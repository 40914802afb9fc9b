/**
 * Every time the bot stores is the injected clock's, whatever the real date: a whole programme is
 * set up and worked through Slack with the clock years away from today, and every date-time in
 * every table then lies within the clock's span. A column defaulting to the database's now(), or
 * a service reading the machine's clock, would show up here as a row dated "today".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { U } from '../support/factories.js';

let e: E2E;
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

/** Each model's DateTime fields, read off the schema so a new one is covered without editing this. */
function dateTimeFields(): [model: string, fields: string[]][] {
  const schema = readFileSync(join(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, model, body]) => [
    model!,
    [...body!.matchAll(/^\s+(\w+)\s+DateTime\??/gm)].map((m) => m[1]!),
  ]);
}

it('stamps every stored row with the injected clock, years from the real date', async () => {
  const start = new Date('2019-06-03T08:00:00Z');
  e = await startE2E({ now: start });
  const step = () => e.t.clock.advance(3_600_000);
  const run = async (text: string, user: string) => {
    step();
    const out = await e.command(text, user);
    expect(out.http.status).toBe(200);
    return out;
  };
  await run('setup "Improving Children\'s Services" <#C0BOARD|board>', U.admin);
  await run(`workstream add WS1 Support and Develop Our Workforce lead <@${U.lead}>`, U.admin);
  await run('project add WS1 Recruitment', U.admin);
  await run('update WS1 amber Six of twelve posts filled', U.lead);
  await run('rag WS1 red Agency staff left in November', U.lead);
  await run(`action add WS1 <@${U.owner}> 28/06/2019 Agree the caseload policy`, U.lead);
  await run('action done A1 Policy agreed at the June board', U.owner);
  await run('kpi add "Average caseload" cases lower target 25 by 30/09/2019', U.admin);
  await run('kpi record "Average caseload" 28', U.admin);
  await run('visit add monitoring 15/07/2019-16/07/2019 Care leavers', U.admin);
  const end = e.t.clock.now();
  const db = e.t.deps.db;
  expect(await db.action.findFirst({ select: { status: true } })).toEqual({ status: 'done' });
  expect([await db.update.count(), await db.ragChange.count(), await db.kpiReading.count()]).toEqual([
    1, 2, 1,
  ]);
  expect([await db.project.count(), await db.event.count()]).toEqual([1, 1]);

  let checked = 0;
  for (const [model, fields] of dateTimeFields()) {
    const delegate = (e.t.deps.db as unknown as Record<string, { findMany(a: unknown): Promise<unknown[]> }>)[
      model[0]!.toLowerCase() + model.slice(1)
    ]!;
    for (const field of fields) {
      const rows = (await delegate.findMany({ select: { [field]: true } })) as Record<string, Date | null>[];
      for (const value of rows.map((r) => r[field]).filter((v): v is Date => v instanceof Date)) {
        checked += 1;
        expect({ model, field, at: value.toISOString() }).toEqual({
          model,
          field,
          at: expect.stringMatching(/^2019-06-03T/),
        });
        expect(value >= start && value <= end, `${model}.${field} ${value.toISOString()}`).toBe(true);
      }
    }
  }
  // Programme, workspace, people, workstream, project, updates, RAG changes, actions and their
  // events, the KPI and its reading, the visit, processed requests and the audit log at least.
  expect(checked).toBeGreaterThan(30);
});
