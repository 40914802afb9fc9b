/**
 * `npm run seed:demo [-- --workspace T0123ABCD]`: loads the demo programme into DATABASE_URL
 * (default: the SQLite file) for that Slack workspace. Running it again changes nothing.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { describeTarget, parseDatabaseUrl } from '../db/database-url.js';
import { migrate } from '../db/migrate.js';
import { systemClock } from '../domain/clock.js';
import { seedDemo } from './demo.js';

const { values } = parseArgs({
  options: {
    workspace: { type: 'string', default: process.env.DEMO_WORKSPACE_ID ?? 'T0DEMO0001' },
    channel: { type: 'string' },
  },
});
const parsed = parseDatabaseUrl(process.env.DATABASE_URL || 'file:./data/improvement.db');
if (!parsed.ok) {
  console.error(`DATABASE_URL ${parsed.message}.`);
  process.exit(1);
}
await migrate(parsed.target);
const database = await openDatabase(parsed.target);
try {
  const result = await seedDemo(database.prisma, {
    workspaceId: values.workspace!,
    now: systemClock.now(),
    boardChannelId: values.channel,
  });
  console.log(
    result.created
      ? `Loaded the demo programme (id ${result.programmeId}) into ${describeTarget(parsed.target)} for workspace ${values.workspace}.`
      : `The demo programme is already there (id ${result.programmeId}); nothing changed.`,
  );
} finally {
  await database.close();
}
