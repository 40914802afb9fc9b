// Prisma CLI configuration for SQLite. `engine: 'js'` (with `experimental.adapter` and an
// `adapter`) keeps every CLI call on Prisma 6.19's WebAssembly engines, which need no download:
// without it even `prisma generate` and `migrate diff` try to download the `schema-engine` binary,
// which fails on a machine with only an npm mirror. (Prisma 7 has no such path, hence the pin.)
// The CLI only generates the client and diffs schemas here, so the connection is a throwaway
// in-memory database.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: './schema.prisma',
  adapter: async () => new PrismaBetterSQLite3({ url: ':memory:' }),
});
