/**
 * The command grammar as people really type it (issue 10), through the real Bolt app over signed
 * HTTP: sentences that open with a letter, a RAG said twice, typos with their fix ready to copy,
 * codes without digits, help for a group, projects after a slash, and dates that need their day.
 * Today is Monday 23 November 2026 on the injected clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const workstream = (code: string) => e.t.deps.db.workstream.findFirstOrThrow({ where: { code } });
const shown = (post: { text?: string; blocks?: unknown }) => `${post.text} ${JSON.stringify(post.blocks)}`;

describe('a single letter is never a RAG in update', () => {
  it('posts “A new duty rota…” as text on an Amber workstream, leaving the RAG alone', async () => {
    await e.command('rag WS1 amber Recruitment behind plan', U.lead);
    const out = await e.command('update WS1 A new duty rota starts Monday', U.lead);
    expect(out.posts).toHaveLength(1);
    expect(shown(out.posts[0]!)).toContain('A new duty rota starts Monday');
    const stored = await e.t.deps.db.update.findFirstOrThrow();
    expect(stored).toMatchObject({ text: 'A new duty rota starts Monday', rag: null });
    expect((await workstream('WS1')).rag).toBe('amber');
    expect(await e.t.deps.db.ragChange.count()).toBe(1);
  });

  it('posts sentences opening with R or G without a RAG change', async () => {
    await e.command('update WS1 R and D budget agreed with finance', U.lead);
    await e.command('update WS1 G Smith starts as head of service', U.lead);
    const texts = (await e.t.deps.db.update.findMany({ orderBy: { id: 'asc' } })).map((u) => u.text);
    expect(texts).toEqual(['R and D budget agreed with finance', 'G Smith starts as head of service']);
    expect((await workstream('WS1')).rag).toBe('not_started');
    expect(await e.t.deps.db.ragChange.count()).toBe(0);
  });

  it('still reads a letter in rag, where a RAG is required', async () => {
    const out = await e.command('rag WS2 a Recruitment slower than planned', U.otherLead);
    expect(shown(out.posts[0]!)).toContain('*Amber*');
    expect((await workstream('WS2')).rag).toBe('amber');
  });
});

describe('update with the RAG a workstream already has', () => {
  it('posts the update and says the RAG is unchanged', async () => {
    await e.command('rag WS1 green All twelve posts filled', U.lead);
    const out = await e.command('update WS1 green Induction for the new starters went well', U.lead);
    expect(out.posts).toHaveLength(1);
    expect(shown(out.posts[0]!)).toContain('Induction for the new starters went well');
    expect(shown(out.posts[0]!)).toContain('Green (unchanged)');
    expect(out.reply).toContain('WS1 is already Green, so its RAG is unchanged. Your update is posted.');
    expect(await e.t.deps.db.update.count()).toBe(1);
    expect(await e.t.deps.db.ragChange.count()).toBe(1);
    expect((await workstream('WS1')).rag).toBe('green');
  });
});

describe('near-misses get “did you mean …?” with the corrected command, and nothing is stored', () => {
  // The near-miss table runs on both platforms: scenarios-command-grammar.test.ts.

  it('posts ordinary first words that are near a RAG word as they are', async () => {
    await e.command('update WS1 Agreed the new rota with the unions', U.lead);
    await e.command('update WS1 Reds are down to two', U.lead);
    expect(await e.t.deps.db.update.count()).toBe(2);
  });

  it('corrects a mistyped project name inside quotes after the slash', async () => {
    await e.command('project add WS2 Front door', U.otherLead);
    const out = await e.command('update WS2/"Front dor" Rota agreed', U.otherLead);
    expect(out.reply).toContain('Did you mean “Front door”?');
    expect(out.reply).toContain('```/improve update WS2/"Front door" Rota agreed```');
    expect(await e.t.deps.db.update.count()).toBe(0);
  });
});

describe('workstream codes without digits', () => {
  it('adds FD, SEND and WS-3, and finds them when updates name them', async () => {
    for (const [code, name] of [
      ['FD', 'Front Door'],
      ['SEND', 'Special Educational Needs'],
      ['WS-3', 'Listen to the Voice of the Child'],
    ])
      expect(
        (await e.command(`workstream add ${code} "${name}" lead <@${U.lead}>`, U.admin)).reply,
      ).toContain(`Added *${code} ${name}*`);
    await e.command('update FD Duty rota agreed', U.lead);
    await e.command('update send Audit of plans started', U.lead);
    await e.command('update ws3 Young people’s panel met', U.lead);
    const updates = await e.t.deps.db.update.findMany({
      include: { workstream: true },
      orderBy: { id: 'asc' },
    });
    expect(updates.map((u) => u.workstream.code)).toEqual(['FD', 'SEND', 'WS-3']);
  });

  it('refuses a code that is too long, and WS3 beside WS-3', async () => {
    expect(
      (await e.command(`workstream add FRONTDOOR "Front Door" lead <@${U.lead}>`, U.admin)).reply,
    ).toContain('The code should be 1 to 8 letters and digits');
    await e.command(`workstream add WS-3 "Voice of the Child" lead <@${U.lead}>`, U.admin);
    expect((await e.command(`workstream add WS3 "Voice again" lead <@${U.lead}>`, U.admin)).reply).toContain(
      'There is already a workstream WS-3',
    );
    expect(await e.t.deps.db.workstream.count()).toBe(3);
  });

  it('links a visit to a letter code written in capitals, not to the same word in a sentence', async () => {
    await e.command(`workstream add SEND "Special Educational Needs" lead <@${U.lead}>`, U.admin);
    await e.command(`workstream add FD "Front Door" lead <@${U.lead}>`, U.admin);
    const out = await e.command('visit add monitoring visit 12/03/2027 Send case files for FD', U.admin);
    expect(out.reply).toContain('*Linked to:* FD Front Door');
    expect(out.reply).not.toContain('SEND Special');
  });
});

describe('help for a group lists every form of it', () => {
  // The group table runs on both platforms: scenarios-command-grammar.test.ts.

  it('help for one form still shows just that form', async () => {
    const out = await e.command('help kpi add', U.member);
    expect(out.reply).toContain('*/improve kpi add ');
    expect(out.reply).not.toContain('kpi record');
  });
});

describe('one way to name a project: <workstream>/<project>, quoted if it has spaces', () => {
  beforeEach(async () => {
    await e.command('project add WS2 Front door', U.otherLead);
  });

  it('update, rag and action add all take WS2/"Front door"', async () => {
    const project = await e.t.deps.db.project.findFirstOrThrow();
    const posted = await e.command('update WS2/"Front door" amber Two of five posts filled', U.otherLead);
    expect(shown(posted.posts[0]!)).toContain('WS2 Improve Our Practice / Front door');
    expect(shown(posted.posts[0]!)).toContain('Not started → :large_orange_circle: *Amber*');
    expect(await e.t.deps.db.update.findFirstOrThrow()).toMatchObject({
      projectId: project.id,
      rag: 'amber',
    });
    expect((await e.t.deps.db.project.findFirstOrThrow()).rag).toBe('amber');
    expect((await workstream('WS2')).rag).toBe('not_started');

    await e.command('rag "Improve Our Practice"/"Front door" green All five posts filled', U.otherLead);
    expect((await e.t.deps.db.project.findFirstOrThrow()).rag).toBe('green');

    const action = await e.command('action add WS2/"Front door" me friday Audit the referrals', U.otherLead);
    expect(shown(action.posts[0]!)).toContain('WS2 Improve Our Practice / Front door');
    expect(await e.t.deps.db.action.findFirstOrThrow()).toMatchObject({ projectId: project.id });
  });

  it('an edited project update still names its project', async () => {
    const posted = await e.command('update WS2/"Front door" Rota drafted', U.otherLead);
    await e.command('update edit Rota drafted and shared with the unions', U.otherLead);
    const message = e.slack.messages.find((m) => m.ts === posted.posts[0]!.ts && !m.ephemeralFor)!;
    expect(shown(message)).toContain('WS2 Improve Our Practice / Front door');
    expect(shown(message)).toContain('Rota drafted and shared with the unions');
  });

  it('help update shows how to name a project', async () => {
    const out = await e.command('help update', U.member);
    expect(out.reply).toContain('update &lt;workstream&gt;[/&lt;project&gt;]');
    expect(out.reply).toContain('update WS2/"Front door" amber');
  });
});

describe('dates echoed with their weekday', () => {
  it('accepts “by March 2027” in KPI targets and says end of January is a Sunday', async () => {
    const out = await e.command(
      'kpi add "Caseload average" cases lower target 30 by end of January target 25 by March 2027',
      U.admin,
    );
    expect(out.reply).toContain('*Targets:* ≤ 30 by Sunday 31/01/2027; ≤ 25 by Wednesday 31/03/2027');
    const targets = await e.t.deps.db.kpiTarget.findMany({ orderBy: { byDate: 'asc' } });
    expect(targets.map((t) => [t.value, t.byDate])).toEqual([
      [30, '2027-01-31'],
      [25, '2027-03-31'],
    ]);
  });

  it('says the day of a new due date', async () => {
    await e.command('action add WS1 me friday Chase the agency invoices', U.lead);
    const out = await e.command('action extend A-1 end of January Invoices delayed by the agency', U.lead);
    expect(shown(out.posts[0]!)).toContain('New due date *Sunday 31/01/2027*');
  });
});
