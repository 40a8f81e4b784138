// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma, the one source of truth for the
// data model: the same models, with the PostgreSQL provider and its own generated client. Prisma
// fixes the provider per schema file, so each database has its own (as Umami keeps one folder per
// database). Run after changing prisma/schema.prisma (`npm run db:schema`); a unit test
// (prisma/__tests__/schemas.test.ts) fails when the committed copy is out of step.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SQLITE_SCHEMA = path.join(root, 'prisma', 'schema.prisma');
export const POSTGRES_SCHEMA = path.join(root, 'prisma', 'postgresql', 'schema.prisma');

const HEADER = '// Generated from prisma/schema.prisma by scripts/postgres-schema.mjs (npm run db:schema). Do not edit.\n\n';

/** The PostgreSQL schema for a SQLite schema's text: provider and client output differ, nothing else. */
export function postgresSchemaOf(sqlite) {
  const swap = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`prisma/schema.prisma no longer contains ${from}`);
    return text.replace(from, to);
  };
  let text = swap(sqlite, 'provider = "sqlite"', 'provider = "postgresql"');
  text = swap(text, 'output     = "../generated/prisma"', 'output     = "../../generated/prisma-pg"');
  return HEADER + text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchemaOf(readFileSync(SQLITE_SCHEMA, 'utf8')));
  console.log(`Wrote ${path.relative(root, POSTGRES_SCHEMA)}`);
}
