/**
 * Installed in several workspaces (issue 18): two councils install the app through the real
 * OAuth pages, one process then serves both, each with its own bot token (the stand-in records
 * the token of every Web API call), the weekly digest of each goes out with its own token, and
 * removing the app from one workspace stops everything there while the other carries on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tokenCipher } from '../../src/chat/slack/oauth/token-cipher.js';
import { sendBlockAction, sendEvent, sendSlashCommand } from '../../src/local/slack-requests/signed.js';
import { addAction } from '../../src/services/add-action.js';
import { DIGEST_METHODS } from '../support/digest.js';
import { DEFAULT_METHODS, SIGNING_SECRET } from '../support/e2e.js';
import { as, OTHER_TEAM, seedProgramme, TEAM, U } from '../support/factories.js';
import { INSTALLATION_KEY, type OAuthHarness, oauthHarness } from '../support/oauth.js';
import { everyone, roster } from '../support/reminders.js';

const MONDAY_EARLY = new Date('2026-11-23T08:00:00Z');
const METHODS = [...new Set([...DEFAULT_METHODS, ...DIGEST_METHODS])];

let h: OAuthHarness;
afterEach(async () => {
  expect(h.slack.unexpected).toEqual([]);
  await h.close();
});

const installations = () => h.app.deps.db.slackInstallation.findMany({ orderBy: { id: 'asc' } });

async function command(teamId: string, text: string, userId = U.lead) {
  const http = await sendSlashCommand(h.url, {
    signingSecret: SIGNING_SECRET,
    teamId,
    userId,
    channelId: 'C0GENERAL',
    text,
    responseUrl: h.slack.responseUrl(`${teamId}-${text}`, { channel: 'C0GENERAL', user: userId }),
  });
  await h.app.slack.idle();
  return http;
}

/** Installs both councils' workspaces; returns each one's bot token as the stand-in minted it. */
async function installBoth(): Promise<{ a: string; b: string }> {
  for (const team of [
    { id: TEAM, name: 'Northshire County Council' },
    { id: OTHER_TEAM, name: 'Southby Borough Council' },
  ]) {
    const page = await h.install(team);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`It is now in ${team.name}. Type /improve help in any channel to start.`);
  }
  const [a, b] = h.tokensOf('auth.test');
  return { a: a!, b: b! };
}

/** Digest posts of this tick: programme id → the token it was posted with. */
const digestTokens = () =>
  Object.fromEntries(
    h.slack.calls
      .filter(
        (c) =>
          c.method === 'chat.postMessage' &&
          JSON.stringify(c.args.metadata ?? '').includes('improvement_digest'),
      )
      .map((c) => [
        (c.args.metadata as { event_payload: { programmeId: number } }).event_payload.programmeId,
        c.token,
      ]),
  );

describe('installing in several workspaces', () => {
  it('serves two installed workspaces from one process, each with its own token, stored only encrypted', async () => {
    h = await oauthHarness({ now: MONDAY_EARLY, methods: METHODS });
    const tokens = await installBoth();
    expect(tokens.a).not.toEqual(tokens.b);

    const rows = await installations();
    expect(rows.map((r) => [r.key, r.workspaceId, r.botUserId])).toEqual([
      [`team:${TEAM}`, TEAM, h.slack.bot.userId],
      [`team:${OTHER_TEAM}`, OTHER_TEAM, h.slack.bot.userId],
    ]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('xoxb-');
    expect(stored).not.toContain('xoxp-');
    // Sealed to its row: another workspace's row key does not open it.
    const cipher = tokenCipher(Buffer.from(INSTALLATION_KEY, 'base64'));
    expect(JSON.parse(cipher.open(rows[0]!.installation, `team:${TEAM}`)).bot.token).toBe(tokens.a);
    expect(() => cipher.open(rows[0]!.installation, `team:${OTHER_TEAM}`)).toThrow();
    expect(
      await h.app.deps.db.auditLog.findMany({
        where: { action: 'slack.installed' },
        select: { workspaceId: true },
      }),
    ).toEqual([{ workspaceId: TEAM }, { workspaceId: OTHER_TEAM }]);

    const a = await seedProgramme(h.app.deps, TEAM);
    const b = await seedProgramme(h.app.deps, OTHER_TEAM);
    await command(TEAM, 'update WS1 amber Recruitment behind plan in Northshire');
    await command(OTHER_TEAM, 'update WS1 green Caseloads down in Southby');
    expect(h.tokensOf('chat.postMessage')).toEqual([tokens.a, tokens.b]);
    expect(h.slack.messages.map((m) => m.text)).toEqual([
      expect.stringContaining('Recruitment behind plan in Northshire'),
      expect.stringContaining('Caseloads down in Southby'),
    ]);

    h.clock.set(new Date('2026-11-23T09:00:00Z'));
    await h.app.scheduler!.tick();
    expect(digestTokens()).toEqual({ [a.programme.id]: tokens.a, [b.programme.id]: tokens.b });
    expect(await h.app.deps.db.digestRun.count({ where: { status: 'posted' } })).toBe(2);

    const logged = h.logs.join('\n');
    expect(logged).not.toContain(tokens.a);
    expect(logged).not.toContain(tokens.b);
    expect(logged).not.toMatch(/xox[bp]-/);
  });

  it('sends each workspace’s reminders with its own token', async () => {
    h = await oauthHarness({ now: new Date('2026-11-16T10:00:00Z'), methods: METHODS });
    roster(h, everyone());
    const tokens = await installBoth();
    for (const team of [TEAM, OTHER_TEAM]) {
      await seedProgramme(h.app.deps, team);
      await addAction(
        {
          workstream: 'WS1',
          ownerUserId: U.owner,
          dueDate: '2026-11-20',
          text: `Audit duty team in ${team}`,
        },
        h.app.deps,
        as(U.admin, team),
      );
    }
    h.clock.set(new Date('2026-11-23T09:30:00Z'));
    await h.app.scheduler!.tick();
    const reminders = h.slack.calls.filter(
      (c) =>
        c.method === 'chat.postMessage' &&
        JSON.stringify(c.args.metadata ?? '').includes('improvement_reminder'),
    );
    // The sweep runs programmes side by side, so the two may go out in either order: each goes
    // once, with its own workspace's token and its own workspace's action.
    const sentWith = (token: string) => reminders.filter((c) => c.token === token);
    expect(reminders).toHaveLength(2);
    expect(sentWith(tokens.a)).toHaveLength(1);
    expect(sentWith(tokens.b)).toHaveLength(1);
    expect(JSON.stringify(sentWith(tokens.a)[0]!.args.blocks)).toContain(`Audit duty team in ${TEAM}`);
    expect(JSON.stringify(sentWith(tokens.b)[0]!.args.blocks)).toContain(`Audit duty team in ${OTHER_TEAM}`);
    // Each person's first lookup goes with their workspace's token; a DM needs no conversation opened.
    expect(new Set(h.tokensOf('users.info'))).toEqual(new Set([tokens.a, tokens.b]));
    expect(h.tokensOf('conversations.open')).toEqual([]);
  });

  it('refuses a redirect from another browser (no state cookie) and a state it did not sign, installing nothing', async () => {
    h = await oauthHarness({ now: MONDAY_EARLY });
    const page = await h.browse('/slack/install');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Add to Slack');
    const state = /[?&;]state=([^&"]+)/.exec(page.text.replaceAll('&amp;', '&'))?.[1];
    const code = h.slack.approveInstall(
      { id: TEAM },
      { clientId: '1111111111.2222222222', clientSecret: 'oauth-client-secret-for-tests' },
    );
    const noCookie = await h.browse(`/slack/oauth_redirect?code=${code}&state=${state}`);
    expect(noCookie.status).toBe(400);
    expect(noCookie.text).toContain('The install did not finish');
    const forged = await h.browse(
      `/slack/oauth_redirect?code=${code}&state=forged`,
      'slack-app-oauth-state=forged',
    );
    expect(forged.status).toBe(400);
    expect(await installations()).toEqual([]);
    expect(h.tokensOf('oauth.v2.access')).toEqual([]);
  });
});

describe('removing the app', () => {
  it('app_uninstalled deletes the installation; that workspace is told politely and its digest stops, the other carries on', async () => {
    h = await oauthHarness({ now: MONDAY_EARLY, methods: METHODS });
    const tokens = await installBoth();
    const a = await seedProgramme(h.app.deps, TEAM);
    await seedProgramme(h.app.deps, OTHER_TEAM);

    const event = await sendEvent(h.url, {
      signingSecret: SIGNING_SECRET,
      teamId: OTHER_TEAM,
      event: { type: 'app_uninstalled' },
    });
    expect(event.status).toBe(200);
    await h.app.slack.idle();
    expect((await installations()).map((r) => r.workspaceId)).toEqual([TEAM]);
    expect(
      await h.app.deps.db.auditLog.count({ where: { action: 'slack.uninstalled', workspaceId: OTHER_TEAM } }),
    ).toBe(1);

    const calls = h.slack.calls.length;
    const refused = await command(OTHER_TEAM, 'update WS1 green Caseloads down in Southby');
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({
      response_type: 'ephemeral',
      text: expect.stringContaining('improvement-bot is not installed in this workspace'),
    });
    expect((refused.body as { text: string }).text).toContain(
      'You wrote: /improve update WS1 green Caseloads down in Southby',
    );
    const pressed = await sendBlockAction(h.url, {
      signingSecret: SIGNING_SECRET,
      teamId: OTHER_TEAM,
      userId: U.owner,
      actionId: 'action_done',
      value: '1',
      blockId: 'b',
      channelId: 'C0GENERAL',
      responseUrl: h.slack.responseUrl('press-uninstalled', { channel: 'C0GENERAL', user: U.owner }),
    });
    expect(pressed.status).toBe(200);
    await h.slack.waitFor((s) => s.responses.some((r) => r.tag === 'press-uninstalled'));
    expect(h.slack.responses.find((r) => r.tag === 'press-uninstalled')?.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('improvement-bot is not installed in this workspace'),
    });
    expect(h.slack.calls.length).toBe(calls);
    expect(await h.app.deps.db.update.count({ where: { workspaceId: OTHER_TEAM } })).toBe(0);

    h.clock.set(new Date('2026-11-23T09:00:00Z'));
    await h.app.scheduler!.tick();
    expect(digestTokens()).toEqual({ [a.programme.id]: tokens.a });

    // Installing again brings it back, with the new token.
    await h.install({ id: OTHER_TEAM, name: 'Southby Borough Council' });
    const again = h.tokensOf('auth.test').at(-1)!;
    await command(OTHER_TEAM, 'update WS1 green Caseloads down in Southby');
    expect(h.tokensOf('chat.postMessage').at(-1)).toBe(again);
  });

  it('tokens_revoked drops a revoked user token, and a revoked bot token removes the installation', async () => {
    h = await oauthHarness({ now: MONDAY_EARLY });
    await h.install({ id: TEAM, userId: 'U0INSTALLER' });
    const open = async () => {
      const [row] = await installations();
      return (
        row &&
        JSON.parse(
          tokenCipher(Buffer.from(INSTALLATION_KEY, 'base64')).open(row.installation, `team:${TEAM}`),
        )
      );
    };
    expect((await open()).user.token).toMatch(/^xoxp-/);
    const revoke = async (tokens: Record<string, string[]>) => {
      const sent = await sendEvent(h.url, {
        signingSecret: SIGNING_SECRET,
        teamId: TEAM,
        event: { type: 'tokens_revoked', tokens },
      });
      await h.app.slack.idle();
      return sent;
    };
    expect((await revoke({ oauth: ['U0INSTALLER'] })).status).toBe(200);
    const kept = await open();
    expect(kept.user.token).toBeUndefined();
    expect(kept.bot.token).toMatch(/^xoxb-/);
    expect((await revoke({ bot: [h.slack.bot.userId] })).status).toBe(200);
    expect(await installations()).toEqual([]);
  });
});
