/**
 * A fresh, migrated and seeded PostgreSQL database for the multi-instance test and bench/postgres.ts.
 *
 * The cluster: the one ARGMAP_TEST_POSTGRES_URL names (a superuser URL; `npm run test:postgres`
 * starts one and sets it), else a throwaway cluster of this process's own
 * (scripts/postgres-cluster.mjs: Debian's PostgreSQL programs, the server run as the `postgres`
 * user), stopped and deleted by `stop()`. In it, a database `argmap_<label>_<pid>_<time>` prepared by
 * `node scripts/prepare-db.mjs` (migrations, then the op-ed seed), dropped by `stop()`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLUSTER_SCRIPT = path.join(ROOT, 'scripts', 'postgres-cluster.mjs');

/** What scripts/postgres-cluster.mjs exports (it is plain JavaScript, imported by URL). */
interface ClusterModule {
  findPostgresBin(): string | null;
  freePort(): Promise<number>;
  startCluster(options?: { signals?: boolean; maxConnections?: number }): Promise<{ url: string; dir: string; stop(): void }>;
}

async function clusterModule(): Promise<ClusterModule> {
  if (!existsSync(CLUSTER_SCRIPT)) throw new Error(`${CLUSTER_SCRIPT} is missing.`);
  // A computed specifier: TypeScript does not look for declarations of the .mjs file.
  const specifier = pathToFileURL(CLUSTER_SCRIPT).href;
  return (await import(/* @vite-ignore */ specifier)) as ClusterModule;
}

/** Whether PostgreSQL can be had: a cluster is named, or its programs are installed. */
export async function postgresAvailable(): Promise<boolean> {
  if (process.env.ARGMAP_TEST_POSTGRES_URL) return true;
  return (await clusterModule()).findPostgresBin() !== null;
}

/** A TCP port nothing listens on now, at least 3200 (ports 3000 and 3100 belong to the app and the e2e suite). */
export async function freePort(): Promise<number> {
  const { freePort: pick } = await clusterModule();
  for (;;) {
    const port = await pick();
    if (port >= 3200) return port;
  }
}

export interface TestDatabase {
  /** The app's DATABASE_URL. */
  url: string;
  /** The database's name. */
  name: string;
  /** A connected client on the database, for the checks (closed by `stop`). */
  client: pg.Client;
  /** Drops the database and stops the cluster if this process started it; safe to call twice. */
  stop(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function onAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new database `argmap_<label>_…`, migrated and seeded with the op-ed map (`negotiate-now`). */
export async function startDatabase(label: string): Promise<TestDatabase> {
  let cluster: { url: string; stop(): void } | undefined;
  let adminUrl = process.env.ARGMAP_TEST_POSTGRES_URL;
  if (!adminUrl) {
    cluster = await (await clusterModule()).startCluster({ signals: true });
    adminUrl = cluster.url;
  }
  const admin = adminUrl;
  const name = `argmap_${label}_${process.pid}_${Date.now()}`;
  const url = withDatabase(admin, name);
  let client: pg.Client | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await client?.end().catch(() => {});
    try {
      if (!cluster)
        await onAdmin(admin, async (c) => {
          // Servers killed with -9 may leave sessions behind for a moment: end them, then drop.
          await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
          await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
        });
    } finally {
      cluster?.stop();
    }
  };
  try {
    await onAdmin(admin, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const prepared = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'prepare-db.mjs')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (prepared.status !== 0) throw new Error(`prepare-db failed on ${name}:\n${prepared.stdout}\n${prepared.stderr}`);
    client = new pg.Client({ connectionString: url });
    await client.connect();
    return { url, name, client, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
