import path from 'node:path';

/** Where the database lives when DATABASE_URL is not set: `data/argmap.db` in the project. */
export const DEFAULT_DATABASE_FILE = path.join('data', 'argmap.db');

/**
 * The SQLite URL (`file:/absolute/path.db`) from DATABASE_URL, or the default file.
 * Relative paths are resolved against the working directory (the project root in every script).
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `file:${databaseFile(env)}`;
}

/** The database file path named by DATABASE_URL (or the default), made absolute. */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim();
  const file = raw ? raw.replace(/^file:/, '') : DEFAULT_DATABASE_FILE;
  return path.resolve(file);
}
