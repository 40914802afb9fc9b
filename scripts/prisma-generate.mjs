// Writes prisma/postgresql/schema.prisma from the canonical schema, then generates the Prisma
// client for both providers into src/db/generated/. Runs after every `npm install`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { PROVIDERS, postgresqlPath, readCanonical, root, toPostgresql } from './prisma-schemas.mjs';

writeFileSync(postgresqlPath, toPostgresql(readCanonical()));
for (const provider of PROVIDERS) {
  execFileSync('npx', ['prisma', 'generate', '--no-hints', '--config', `prisma/${provider}.config.ts`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
}
console.log('Prisma clients generated for', PROVIDERS.join(' and '));
