import 'server-only';
import type Database from 'better-sqlite3';
import { setMaxListeners } from 'node:events';
import { readNow } from '../db/client';

/**
 * How long the server may take to stop after SIGINT or SIGTERM, in ms: requests still running then
 * are cut off (their transactions roll back) and the process exits. Under 5 s, so a service manager
 * or Ctrl+C never has to kill it.
 */
export const SHUTDOWN_DEADLINE_MS = 3000;

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

const globalForShutdown = globalThis as unknown as { argmapShutdown?: AbortController; argmapShutdownInstalled?: boolean };

/**
 * Aborts when the server begins to stop. Every open event stream listens and ends at once (its
 * `EventSource` reconnects, to this server's successor), because Next's own shutdown waits for
 * every open connection to finish, and a live stream never finishes by itself.
 */
export function shutdownSignal(): AbortSignal {
  if (!globalForShutdown.argmapShutdown) {
    globalForShutdown.argmapShutdown = new AbortController();
    // Every open stream listens; thousands must not trigger the leak warning.
    setMaxListeners(0, globalForShutdown.argmapShutdown.signal);
  }
  return globalForShutdown.argmapShutdown.signal;
}

/** Ends every open event stream and ends new ones at once: the first step of stopping. */
export function beginShutdown(): void {
  shutdownSignal();
  globalForShutdown.argmapShutdown?.abort();
}

/**
 * Makes SIGINT and SIGTERM stop the server within {@link SHUTDOWN_DEADLINE_MS}: open streams end
 * at once (Next meanwhile stops accepting connections and lets in-flight requests finish, then
 * exits), the process exits at the deadline whatever is still running, and on exit the SQLite
 * connection is checkpointed (the WAL folded into the database file) and closed. Called once, from
 * `instrumentation.ts`; later calls do nothing.
 */
export function installGracefulShutdown(): void {
  if (globalForShutdown.argmapShutdownInstalled) return;
  globalForShutdown.argmapShutdownInstalled = true;
  let connection: Database.Database | undefined;
  const stop = (signal: keyof typeof EXIT_CODES) => {
    if (shutdownSignal().aborted) return;
    console.log(`${signal}: ending live streams, finishing requests, then stopping (at most ${SHUTDOWN_DEADLINE_MS / 1000} s).`);
    beginShutdown();
    // Only a database this process opened: stopping must not open one.
    if ((globalThis as { argmapDb?: unknown }).argmapDb) {
      readNow((open) => open)
        .then((open) => (connection = open))
        .catch(() => undefined);
    }
    setTimeout(() => {
      console.error(`Requests were still running ${SHUTDOWN_DEADLINE_MS / 1000} s after ${signal}: stopping anyway.`);
      process.exit(EXIT_CODES[signal]);
    }, SHUTDOWN_DEADLINE_MS).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('exit', () => {
    if (!connection?.open) return;
    try {
      connection.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a transaction cut off at the deadline is still open: closing rolls it back, and the WAL stays
    }
    connection.close();
  });
}
