import path from 'node:path';

/** Where the database lives when DATABASE_URL is not set: `data/argmap.db` in the project. */
export const DEFAULT_DATABASE_FILE = path.join('data', 'argmap.db');

/** The two databases Argmap runs on: an embedded SQLite file (the default) or a PostgreSQL server. */
export type DatabaseKind = 'sqlite' | 'postgresql';

/** Which database DATABASE_URL names: `postgresql://…` or `postgres://…` → PostgreSQL; a `file:` URL, a path or nothing → SQLite. */
export function databaseKind(env: NodeJS.ProcessEnv = process.env): DatabaseKind {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL?.trim() ?? '') ? 'postgresql' : 'sqlite';
}

/**
 * The database URL: the PostgreSQL URL as given, or the SQLite URL (`file:/absolute/path.db`) from
 * DATABASE_URL or the default file. Relative paths are resolved against the working directory (the
 * project root in every script).
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (databaseKind(env) === 'postgresql') return env.DATABASE_URL!.trim();
  return `file:${databaseFile(env)}`;
}

/** The SQLite file named by DATABASE_URL (or the default), made absolute. Not for PostgreSQL. */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  if (databaseKind(env) === 'postgresql') throw new Error('DATABASE_URL names a PostgreSQL server, not a SQLite file.');
  const raw = env.DATABASE_URL?.trim();
  const file = raw ? raw.replace(/^file:/, '') : DEFAULT_DATABASE_FILE;
  return path.resolve(file);
}
