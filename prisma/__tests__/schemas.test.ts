import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without types
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaOf } from '../../scripts/postgres-schema.mjs';

const root = path.resolve(__dirname, '..', '..');
const folders = (dir: string) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

describe('one data model, two databases', () => {
  it('the committed PostgreSQL schema is the one generated from prisma/schema.prisma (run npm run db:schema)', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(postgresSchemaOf(readFileSync(SQLITE_SCHEMA, 'utf8')));
  });

  it('every constraint the schema language cannot say (partial unique indexes) is in both databases’ migrations', () => {
    const indexes = (dir: string) =>
      folders(dir)
        .flatMap(
          (name) =>
            readFileSync(path.join(root, dir, name, 'migration.sql'), 'utf8').match(/CREATE UNIQUE INDEX "[^"]+" ON "[^"]+"\([^)]*\) WHERE [^;]+/g) ?? [],
        )
        .sort();
    const sqlite = indexes('prisma/migrations');
    expect(sqlite.length).toBeGreaterThan(0);
    expect(indexes('prisma/postgresql/migrations')).toEqual(sqlite);
  });
});
