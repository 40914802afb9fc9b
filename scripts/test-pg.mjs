// `npm run test:pg [-- <vitest arguments>]`: the test suite on PostgreSQL. Each test creates its own
// database on the server TEST_DATABASE_URL names (default: the local server with trust
// authentication), copied from a migrated template (test/support/database.ts), and drops it after.
// Starts no server: it says so when none answers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const shown = (() => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
})();

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query('SELECT 1');
} catch (error) {
  console.error(
    `No PostgreSQL answers at ${shown} (${error.message}).\n` +
      'Start one, or set TEST_DATABASE_URL to a server where this user may create databases.',
  );
  process.exit(1);
} finally {
  await client.end().catch(() => undefined);
}

console.log(`Running the tests on PostgreSQL at ${shown}`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const run = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(run.status ?? 1);
