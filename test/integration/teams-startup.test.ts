/** `npm start` with Slack and Teams configured serves both on one port, and stops cleanly. */
import { afterEach, expect, it } from 'vitest';
import { createTarget } from '../support/database.js';
import { type AppProcess, spawnApp } from '../support/processes.js';

const running: AppProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
});

it('one process serves /slack/events and /api/messages; an unsigned Teams activity gets 401', async () => {
  const { target, drop } = await createTarget();
  try {
    // `npm start`'s entry: the compiled app, whose Teams SDK is a chunk loaded only when configured.
    const app = spawnApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'startup-test-secret',
        CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        CLIENT_SECRET: 'teams-client-secret',
        SCHEDULER_ENABLED: 'false',
        PORT: '0',
        DATABASE_URL: target.provider === 'sqlite' ? `file:${target.file}` : target.url,
      },
      'scripts/start.mjs',
    );
    running.push(app);
    const { port } = JSON.parse(await app.waitFor(/improvement-bot is running/)) as { port: number };
    const teams = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'help', serviceUrl: 'http://127.0.0.1:1/' }),
    });
    expect(teams.status).toBe(401);
    const slack = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: 'x=1' });
    expect(slack.status).toBe(401);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  } finally {
    await drop();
  }
});
