import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseKind, databaseUrl } from './lib/db/database-url';

// The schema's datasource reads DATABASE_URL; without it the CLI cannot read the schema's
// engine settings and falls back to downloading a native engine. Default it here.
process.env.DATABASE_URL ??= databaseUrl();
const postgres = databaseKind() === 'postgresql';

// The Prisma CLI runs with the JS engine (WebAssembly schema engine): nothing is downloaded. The
// database in DATABASE_URL picks the schema: SQLite's (the source of truth, with its migrations,
// applied by `prisma migrate deploy`) or PostgreSQL's (generated from it by scripts/postgres-schema.mjs;
// its migrations are applied by scripts/migrate-postgres.mjs, because `migrate deploy` cannot run
// through the pg adapter — Prisma issue #27403). Used for `migrate diff` (authoring) and `generate`.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres ? path.join('prisma', 'postgresql', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  migrations: { path: postgres ? path.join('prisma', 'postgresql', 'migrations') : path.join('prisma', 'migrations') },
  adapter: async () => (postgres ? new PrismaPg({ connectionString: process.env.DATABASE_URL }) : new PrismaBetterSQLite3({ url: databaseUrl() })),
});
