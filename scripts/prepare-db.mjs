// Applies committed migrations to the database and seeds it with the op-ed when it has no such map.
// `npm start` and `npm run dev` call this before serving; `npm run db:seed` runs it alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Fills in the environment every script shares: the database file and no telemetry. */
export function defaultEnv() {
  process.env.DATABASE_URL ||= `file:${path.join(root, 'data', 'argmap.db')}`;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  return process.env;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

export function prepareDatabase() {
  defaultEnv();
  console.log(`Database: ${process.env.DATABASE_URL}`);
  // SQLite creates the file but not its folder.
  mkdirSync(path.dirname(path.resolve(root, process.env.DATABASE_URL.replace(/^file:/, ''))), { recursive: true });
  // The client is generated on install; generating again (a second) keeps it in step after a pull.
  run(bin('prisma'), ['generate']);
  run(bin('prisma'), ['migrate', 'deploy']);
  run(bin('tsx'), [path.join(root, 'prisma', 'seed', 'index.ts')]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) prepareDatabase();
