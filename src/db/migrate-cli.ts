/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (default: the SQLite file). */
import { describeTarget, parseDatabaseUrl } from './database-url.js';
import { migrate } from './migrate.js';

const parsed = parseDatabaseUrl(process.env.DATABASE_URL || 'file:./data/improvement.db');
if (!parsed.ok) {
  console.error(`DATABASE_URL ${parsed.message}.`);
  process.exit(1);
}
const { applied } = await migrate(parsed.target);
console.log(
  `${describeTarget(parsed.target)}: ${applied.length === 0 ? 'already up to date' : `applied ${applied.join(', ')}`}.`,
);
