// The baseline for the start-up benchmark: a bare Bolt app over HTTP with a /healthz route, run by
// plain `node` as our production start is. No database, no commands beyond one fixed reply.
import bolt from '@slack/bolt';

const { App, LogLevel } = bolt;
const app = new App({
  token: 'xoxb-bench',
  signingSecret: 'bench-signing-secret',
  botId: 'B0BOT00001',
  botUserId: 'U0BOT00001',
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  ],
});
app.command('/improve', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: 'Noted.' });
});
await app.start(Number(process.env.PORT));
process.once('SIGTERM', () => app.stop().then(() => process.exit(0)));
