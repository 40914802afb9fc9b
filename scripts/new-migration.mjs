// `npm run db:migration -- <name>` writes the next migration for both providers: the SQL that
// takes the schema as of the last migration (prisma/migrations/schema.last.prisma) to the
// current canonical schema, diffed offline by Prisma's WebAssembly schema engine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDERS, readCanonical, root, toPostgresql } from './prisma-schemas.mjs';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:migration -- <name>   e.g. npm run db:migration -- add_kpi_notes');
  process.exit(1);
}
const lastPath = join(root, 'prisma/migrations/schema.last.prisma');
const canonical = readCanonical();
const work = mkdtempSync(join(tmpdir(), 'migration-'));
const variants = { sqlite: (s) => s, postgresql: toPostgresql };
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

/** The SQL from the last migrated schema to the current one, for one provider. */
export function diffSql(provider, fromSchema, toSchema) {
  const to = join(work, `${provider}-to.prisma`);
  writeFileSync(to, variants[provider](toSchema));
  const from =
    fromSchema === null
      ? ['--from-empty']
      : ['--from-schema-datamodel', join(work, `${provider}-from.prisma`)];
  if (fromSchema !== null) writeFileSync(from[1], variants[provider](fromSchema));
  return execFileSync(
    'npx',
    [
      'prisma',
      'migrate',
      'diff',
      ...from,
      '--to-schema-datamodel',
      to,
      '--script',
      '--config',
      `prisma/${provider}.config.ts`,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

const previous = existsSync(lastPath) ? (await import('node:fs')).readFileSync(lastPath, 'utf8') : null;
const sql = Object.fromEntries(PROVIDERS.map((p) => [p, diffSql(p, previous, canonical)]));
if (PROVIDERS.every((p) => !/\b(CREATE|ALTER|DROP)\b/i.test(sql[p]))) {
  console.log('The schema has not changed since the last migration: nothing written.');
  process.exit(0);
}
for (const provider of PROVIDERS) {
  const dir = join(root, 'prisma/migrations', provider, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql[provider]);
  writeFileSync(
    join(root, 'prisma/migrations', provider, 'migration_lock.toml'),
    `provider = "${provider}"\n`,
  );
  console.log(`wrote ${dir}/migration.sql`);
}
writeFileSync(lastPath, canonical);
