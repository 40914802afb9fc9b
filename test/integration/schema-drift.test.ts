/**
 * The canonical schema, its PostgreSQL variant, both generated clients and the committed
 * migrations must agree: this fails when someone edits one by hand or forgets a migration.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with npm run db:generate, without type declarations
import { postgresqlPath, readCanonical, root, toPostgresql } from '../../scripts/prisma-schemas.mjs';

const inlineSchema = (provider: string): string => {
  const source = readFileSync(`${root}src/db/generated/${provider}/internal/class.ts`, 'utf8');
  const match = /"inlineSchema": (".*?(?<!\\)")/.exec(source);
  return JSON.parse(match![1]!) as string;
};

describe('schema drift', () => {
  it('prisma/postgresql/schema.prisma is generated from the canonical schema', () => {
    expect(readFileSync(postgresqlPath, 'utf8')).toBe(toPostgresql(readCanonical()));
  });

  it('both generated clients were generated from the current schemas (run npm run db:generate)', () => {
    // Prisma realigns columns when it inlines the schema; compare the words, not the spacing.
    const words = (s: string) => s.replace(/[ \t]+/g, ' ');
    expect(words(inlineSchema('sqlite'))).toBe(words(readCanonical()));
    expect(words(inlineSchema('postgresql'))).toBe(words(toPostgresql(readCanonical())));
  });

  it('every migration exists for both providers', () => {
    const names = (p: string) =>
      readdirSync(`${root}prisma/migrations/${p}`, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    expect(names('postgresql')).toEqual(names('sqlite'));
    expect(names('sqlite').length).toBeGreaterThan(0);
  });

  it('the migrations cover the canonical schema (run npm run db:migration -- <name>)', () => {
    expect(readFileSync(`${root}prisma/migrations/schema.last.prisma`, 'utf8')).toBe(readCanonical());
    // And the snapshot really is what the SQL builds: Prisma diffs it against the schema offline.
    const args = [
      'prisma',
      'migrate',
      'diff',
      '--from-schema-datamodel',
      'prisma/migrations/schema.last.prisma',
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--exit-code',
      '--config',
      'prisma/sqlite.config.ts',
    ];
    expect(() => execFileSync('npx', args, { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
