// The server Playwright tests run against (playwright.config.ts starts it): the production build on
// port 3100 with a throwaway SQLite file in the system temp folder, migrated and seeded afresh on
// every run and removed on exit. It refuses to touch the real database (data/argmap.db).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase, root } from './prepare-db.mjs';
import { serve } from './serve.mjs';

export const E2E_PORT = 3100;
const PREFIX = 'argmap-e2e-';
const REAL_DATABASE = path.join(root, 'data', 'argmap.db');
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

const tmp = os.tmpdir();
const file = path.join(tmp, `${PREFIX}${process.pid}-${Date.now()}.db`);

/** The database file a DATABASE_URL names, resolved the way lib/db/database-url.ts does. */
const fileOf = (url) => path.resolve(url.trim().replace(/^file:/, ''));

function removeDatabase(db) {
  for (const suffix of SIDE_FILES) rmSync(db + suffix, { force: true });
}

/** Removes databases left by earlier runs that were killed before they could clean up. */
function removeStaleDatabases() {
  for (const name of readdirSync(tmp)) {
    const match = new RegExp(`^${PREFIX}(\\d+)-\\d+\\.db$`).exec(name);
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    removeDatabase(path.join(tmp, name));
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

process.env.DATABASE_URL = `file:${file}`;
process.env.PORT = String(E2E_PORT);
process.env.ARGMAP_E2E = '1';
// Tests play people at several addresses with X-Forwarded-For (lib/auth/rate-limit.ts believes it
// only behind a trusted proxy); Next writes the socket's address there when a request sends none.
process.env.TRUST_PROXY ??= '1';

const target = fileOf(process.env.DATABASE_URL);
if (target === path.resolve(REAL_DATABASE) || path.dirname(target) !== path.resolve(tmp) || !path.basename(target).startsWith(PREFIX)) {
  console.error(`e2e-server: refusing to run against ${target}; the e2e database must be a throwaway file in ${tmp}.`);
  process.exit(1);
}
if (existsSync(target)) {
  console.error(`e2e-server: ${target} already exists; refusing to reuse it.`);
  process.exit(1);
}

removeStaleDatabases();
// `exit` listeners run on every process.exit, including the ones in prepareDatabase() and serve().
process.on('exit', () => removeDatabase(target));

await prepareDatabase();
serve({ port: E2E_PORT, rebuild: process.env.ARGMAP_E2E_REBUILD === '1' });
