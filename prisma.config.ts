import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { databaseUrl } from './lib/db/database-url';

// The schema's datasource reads DATABASE_URL; without it the CLI cannot read the schema's
// engine settings and falls back to downloading a native engine. Default it here.
process.env.DATABASE_URL ??= databaseUrl();

// The Prisma CLI runs with the JS engine (WebAssembly schema engine): nothing is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
});
