// Prisma CLI configuration for PostgreSQL; see sqlite.config.ts. The schema is generated from
// ../schema.prisma by scripts/prisma-generate.mjs. Generating never connects, but PostgreSQL
// `migrate diff` does connect (to a PostgreSQL server, for its shadow work), so it defaults to the local one.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: './postgresql/schema.prisma',
  adapter: async () =>
    new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    }),
});
