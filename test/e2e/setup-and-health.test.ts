/** First run in a workspace, help, /healthz and what the logs may contain. */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('/improve setup', () => {
  it('makes the first person admin and the channel the board channel; others cannot redo it', async () => {
    const first = await e.command('setup "Children\'s Services Improvement Plan"', U.admin, {
      channelId: 'C0BOARD',
    });
    expect(first.reply).toContain("*Children's Services Improvement Plan* is set up");
    expect(first.reply).toContain('<#C0BOARD>');
    expect(first.reply).toContain('You are its first admin');
    const programme = await e.t.deps.db.programme.findFirstOrThrow();
    expect(programme).toMatchObject({
      boardChannelId: 'C0BOARD',
      timezone: 'Europe/London',
      digestTime: '09:00',
    });
    const second = await e.command('setup "Hijacked"', U.member);
    expect(second.reply).toContain('Only an admin can change the programme set-up');
    expect((await e.t.deps.db.programme.findFirstOrThrow()).name).toBe(
      "Children's Services Improvement Plan",
    );
  });

  it('lets the admin add a workstream with leads and a critical friend; members cannot', async () => {
    await e.command('setup', U.admin, { channelId: 'C0BOARD' });
    const refused = await e.command(`workstream add WS1 Workforce lead <@${U.lead}>`, U.member);
    expect(refused.reply).toContain('Only an admin can add workstreams');
    const added = await e.command(
      `workstream add ws1 “Support and Develop Our Workforce” lead <@${U.lead}|sarah> friend <@U0POLICE>`,
      U.admin,
    );
    expect(added.reply).toContain(
      'Added *WS1 Support and Develop Our Workforce*, led by <@U0LEAD1>, critical friend <@U0POLICE>',
    );
    const ws = await e.t.deps.db.workstream.findFirstOrThrow({
      include: { leads: { include: { person: true } } },
    });
    expect(ws.leads.map((l) => l.person.platformUserId)).toEqual([U.lead]);
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'workstream.add' } })).toBe(1);
  });

  it('tells a workspace with no programme how to start', async () => {
    const out = await e.command('update WS1 hello', U.lead);
    expect(out.reply).toContain('no improvement programme yet');
    expect(out.reply).toContain('/improve setup');
  });
});

describe('help', () => {
  it('is generated from the registry and explains a subcommand', async () => {
    const all = await e.command('help', U.member);
    for (const sub of ['update', 'rag', 'workstream add', 'setup'])
      expect(all.reply).toContain(`/improve ${sub}`);
    const one = await e.command('help rag', U.member);
    expect(one.reply).toContain('/improve rag &lt;workstream&gt;[/&lt;project&gt;]');
    expect(one.reply).toContain('*Examples:*');
  });

  it('answers an unknown subcommand with a suggestion and the text', async () => {
    const out = await e.command('updte WS1 hello', U.member);
    expect(out.reply).toContain("I don't know the subcommand “updte”");
    expect(out.reply).toContain('/improve updte WS1 hello');
  });
});

describe('/healthz', () => {
  it('reports the database', async () => {
    const res = await fetch(`${e.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('logs', () => {
  it('never contain the bot token, the signing secret or message text at info level', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        config: { slack: { botToken: 'xoxb-secret-token', signingSecret: 'shh-secret' } },
        text: 'Caseloads are 27',
      },
      'starting',
    );
    logger.info({ token: 'xoxb-another' }, 'call');
    expect(out).toContain('starting');
    expect(out).not.toMatch(/xoxb-secret-token|shh-secret|Caseloads are 27|xoxb-another/);
  });
});
