// Prisma CLI configuration for SQLite. `engine: 'js'` keeps every CLI call on the WebAssembly
// engines, which need no download (see ../shared/prisma-offline.md). The CLI only generates the
// client and diffs schemas here, so the connection is a throwaway in-memory database.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: './schema.prisma',
  adapter: async () => new PrismaBetterSQLite3({ url: ':memory:' }),
});
