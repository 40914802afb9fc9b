// Derives the PostgreSQL variant of the canonical schema. Shared by the generate and migration
// scripts and by the drift test, so there is exactly one definition of the transformation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const canonicalPath = `${root}prisma/schema.prisma`;
export const postgresqlPath = `${root}prisma/postgresql/schema.prisma`;
export const PROVIDERS = ['sqlite', 'postgresql'];

const HEADER = '// GENERATED from ../schema.prisma by scripts/prisma-generate.mjs: do not edit by hand.\n';

/** The PostgreSQL schema text for a canonical (SQLite) schema text. */
export function toPostgresql(canonical) {
  const out = canonical
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./placeholder.db"', 'url      = "postgresql://localhost/placeholder"')
    .replace(
      'output                 = "../src/db/generated/sqlite"',
      'output                 = "../../src/db/generated/postgresql"',
    );
  if (out === canonical || !out.includes('generated/postgresql') || !out.includes('"postgresql"')) {
    throw new Error('prisma/schema.prisma no longer has the provider/url/output lines this script rewrites');
  }
  return HEADER + out;
}

export function readCanonical() {
  return readFileSync(canonicalPath, 'utf8');
}
