/**
 * The command grammar as people really type it (issue 10), on Slack and on Teams through each
 * real app (issue 13): sentences that open with a letter, a RAG said twice, typos with their fix
 * ready to copy (test/scenarios/command-grammar.ts), codes without digits, help for a group,
 * projects after a slash, and dates that need their day. What the person sees is compared as
 * one plain text (test/support/platforms.ts): bold dropped, RAG marks as [rag:amber].
 * Today is Monday 23 November 2026 on the injected clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HELP_GROUPS, NEAR_MISSES } from '../scenarios/command-grammar.js';
import { forEachPlatform, type Platform, startPlatform } from '../support/platforms.js';

forEachPlatform((name) => {
  let p: Platform;
  beforeEach(async () => {
    p = await startPlatform(name);
    await p.seed();
  });
  afterEach(async () => {
    p.assertExpected();
    await p.close();
  });

  it.each(NEAR_MISSES)('near-miss: %s', async (text, guess, corrected) => {
    const before = await p.countRows();
    const out = await p.command(text, 'lead');
    expect(out.posts).toEqual([]);
    expect(out.reply).toContain(guess);
    expect(out.reply).toContain(
      `The corrected command, ready to copy:\n\`\`\`${p.invocation} ${corrected}\`\`\``,
    );
    expect(out.reply).toContain(`Your text, so nothing is lost:\n\`\`\`${p.invocation} ${text}`);
    expect(await p.db.update.count()).toBe(0);
    expect(await p.db.ragChange.count()).toBe(0);
    expect(await p.countRows()).toEqual(before);
  });

  it.each(HELP_GROUPS)('%s lists every form of it', async (text, forms) => {
    const out = await p.command(text, 'member');
    for (const form of forms) expect(out.reply).toContain(`${p.invocation} ${form}`);
  });

  const workstream = (code: string) => p.db.workstream.findFirstOrThrow({ where: { code } });

  describe('a single letter is never a RAG in update', () => {
    it('posts “A new duty rota…” as text on an Amber workstream, leaving the RAG alone', async () => {
      await p.command('rag WS1 amber Recruitment behind plan', 'lead');
      const out = await p.command('update WS1 A new duty rota starts Monday', 'lead');
      expect(out.posts).toHaveLength(1);
      expect(out.posts[0]).toContain('A new duty rota starts Monday');
      expect(await p.db.update.findFirstOrThrow()).toMatchObject({
        text: 'A new duty rota starts Monday',
        rag: null,
      });
      expect((await workstream('WS1')).rag).toBe('amber');
      expect(await p.db.ragChange.count()).toBe(1);
    });

    it('posts sentences opening with R or G without a RAG change', async () => {
      await p.command('update WS1 R and D budget agreed with finance', 'lead');
      await p.command('update WS1 G Smith starts as head of service', 'lead');
      const texts = (await p.db.update.findMany({ orderBy: { id: 'asc' } })).map((u) => u.text);
      expect(texts).toEqual(['R and D budget agreed with finance', 'G Smith starts as head of service']);
      expect((await workstream('WS1')).rag).toBe('not_started');
      expect(await p.db.ragChange.count()).toBe(0);
    });

    it('still reads a letter in rag, where a RAG is required', async () => {
      const out = await p.command('rag WS2 a Recruitment slower than planned', 'otherLead');
      expect(out.posts[0]).toContain('[rag:amber] Amber');
      expect((await workstream('WS2')).rag).toBe('amber');
    });
  });

  describe('update with the RAG a workstream already has', () => {
    it('posts the update and says the RAG is unchanged', async () => {
      await p.command('rag WS1 green All twelve posts filled', 'lead');
      const out = await p.command('update WS1 green Induction for the new starters went well', 'lead');
      expect(out.posts).toHaveLength(1);
      expect(out.posts[0]).toContain('Induction for the new starters went well');
      expect(out.posts[0]).toContain('Green (unchanged)');
      expect(out.reply).toContain('WS1 is already Green, so its RAG is unchanged. Your update is posted.');
      expect(await p.db.update.count()).toBe(1);
      expect(await p.db.ragChange.count()).toBe(1);
      expect((await workstream('WS1')).rag).toBe('green');
    });
  });

  describe('near-misses that are not', () => {
    it('posts ordinary first words that are near a RAG word as they are', async () => {
      await p.command('update WS1 Agreed the new rota with the unions', 'lead');
      await p.command('update WS1 Reds are down to two', 'lead');
      expect(await p.db.update.count()).toBe(2);
    });

    it('corrects a mistyped project name inside quotes after the slash', async () => {
      await p.command('project add WS2 Front door', 'otherLead');
      const out = await p.command('update WS2/"Front dor" Rota agreed', 'otherLead');
      expect(out.reply).toContain('Did you mean “Front door”?');
      expect(out.reply).toContain(`\`\`\`${p.invocation} update WS2/"Front door" Rota agreed\`\`\``);
      expect(await p.db.update.count()).toBe(0);
    });
  });

  describe('workstream codes without digits', () => {
    it('adds FD, SEND and WS-3, and finds them when updates name them', async () => {
      for (const [code, name] of [
        ['FD', 'Front Door'],
        ['SEND', 'Special Educational Needs'],
        ['WS-3', 'Listen to the Voice of the Child'],
      ])
        expect((await p.command(`workstream add ${code} "${name}" lead @{lead}`, 'admin')).reply).toContain(
          `Added ${code} ${name}`,
        );
      await p.command('update FD Duty rota agreed', 'lead');
      await p.command('update send Audit of plans started', 'lead');
      await p.command('update ws3 Young people’s panel met', 'lead');
      const updates = await p.db.update.findMany({ include: { workstream: true }, orderBy: { id: 'asc' } });
      expect(updates.map((u) => u.workstream.code)).toEqual(['FD', 'SEND', 'WS-3']);
    });

    it('refuses a code that is too long, and WS3 beside WS-3', async () => {
      expect(
        (await p.command('workstream add FRONTDOOR "Front Door" lead @{lead}', 'admin')).reply,
      ).toContain('The code should be 1 to 8 letters and digits');
      await p.command('workstream add WS-3 "Voice of the Child" lead @{lead}', 'admin');
      expect((await p.command('workstream add WS3 "Voice again" lead @{lead}', 'admin')).reply).toContain(
        'There is already a workstream WS-3',
      );
      expect(await p.db.workstream.count()).toBe(3);
    });

    it('links a visit to a letter code written in capitals, not to the same word in a sentence', async () => {
      await p.command('workstream add SEND "Special Educational Needs" lead @{lead}', 'admin');
      await p.command('workstream add FD "Front Door" lead @{lead}', 'admin');
      const out = await p.command('visit add monitoring visit 12/03/2027 Send case files for FD', 'admin');
      expect(out.reply).toContain('Linked to: FD Front Door');
      expect(out.reply).not.toContain('SEND Special');
    });
  });

  it('help for one form still shows just that form', async () => {
    const out = await p.command('help kpi add', 'member');
    expect(out.reply).toContain(`${p.invocation} kpi add `);
    expect(out.reply).not.toContain('kpi record');
  });

  describe('one way to name a project: <workstream>/<project>, quoted if it has spaces', () => {
    beforeEach(async () => {
      await p.command('project add WS2 Front door', 'otherLead');
    });

    it('update, rag and action add all take WS2/"Front door"', async () => {
      const project = await p.db.project.findFirstOrThrow();
      const posted = await p.command('update WS2/"Front door" amber Two of five posts filled', 'otherLead');
      expect(posted.posts[0]).toContain('WS2 Improve Our Practice / Front door');
      expect(posted.posts[0]).toContain('Not started → [rag:amber] Amber');
      expect(await p.db.update.findFirstOrThrow()).toMatchObject({ projectId: project.id, rag: 'amber' });
      expect((await p.db.project.findFirstOrThrow()).rag).toBe('amber');
      expect((await workstream('WS2')).rag).toBe('not_started');

      await p.command('rag "Improve Our Practice"/"Front door" green All five posts filled', 'otherLead');
      expect((await p.db.project.findFirstOrThrow()).rag).toBe('green');

      const action = await p.command(
        'action add WS2/"Front door" me friday Audit the referrals',
        'otherLead',
      );
      expect(action.posts[0]).toContain('WS2 Improve Our Practice / Front door');
      expect(await p.db.action.findFirstOrThrow()).toMatchObject({ projectId: project.id });
    });

    it('an edited project update still names its project', async () => {
      await p.command('update WS2/"Front door" Rota drafted', 'otherLead');
      const edited = await p.command('update edit Rota drafted and shared with the unions', 'otherLead');
      expect(edited.edits).toHaveLength(1);
      expect(edited.edits[0]).toContain('WS2 Improve Our Practice / Front door');
      expect(edited.edits[0]).toContain('Rota drafted and shared with the unions');
    });

    it('help update shows how to name a project', async () => {
      const out = await p.command('help update', 'member');
      expect(out.reply).toContain('update <workstream>[/<project>]');
      expect(out.reply).toContain('update WS2/"Front door" amber');
    });
  });

  describe('dates echoed with their weekday', () => {
    it('accepts “by March 2027” in KPI targets and says end of January is a Sunday', async () => {
      const out = await p.command(
        'kpi add "Caseload average" cases lower target 30 by end of January target 25 by March 2027',
        'admin',
      );
      expect(out.reply).toContain('Targets: ≤ 30 by Sunday 31/01/2027; ≤ 25 by Wednesday 31/03/2027');
      const targets = await p.db.kpiTarget.findMany({ orderBy: { byDate: 'asc' } });
      expect(targets.map((t) => [t.value, t.byDate])).toEqual([
        [30, '2027-01-31'],
        [25, '2027-03-31'],
      ]);
    });

    it('says the day of a new due date', async () => {
      await p.command('action add WS1 me friday Chase the agency invoices', 'lead');
      const out = await p.command('action extend A-1 end of January Invoices delayed by the agency', 'lead');
      expect(out.posts[0]).toContain('New due date Sunday 31/01/2027');
    });
  });
});
