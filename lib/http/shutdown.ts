import 'server-only';
import { setMaxListeners } from 'node:events';
import { Server } from 'node:net';
import { openSqliteConnection } from '../db/sqlite-connection';

/**
 * How long the server may take to stop after SIGINT or SIGTERM, in ms: requests still running then
 * are cut off (their transactions roll back) and the process exits. Under 5 s, so a service manager
 * or Ctrl+C never has to kill it.
 */
export const SHUTDOWN_DEADLINE_MS = 3000;

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
/** How often a stopping server closes the keep-alive connections that have gone idle, in ms. */
const IDLE_SWEEP_MS = 50;

/** A server that can drop its idle keep-alive connections (Node's http and https servers). */
type HttpServer = Server & { closeIdleConnections(): void };

/**
 * The process's listening HTTP servers (Next's own, which it does not expose), found among the
 * process's active handles; none if Node stops offering that list.
 */
export function listeningHttpServers(): HttpServer[] {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter(
    (handle): handle is HttpServer => handle instanceof Server && typeof (handle as Partial<HttpServer>).closeIdleConnections === 'function',
  );
}

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
 * exits), connections that go idle are closed as they do, the process exits at the deadline
 * whatever is still running, and on exit the SQLite
 * connection is checkpointed (the WAL folded into the database file) and closed. Called once, from
 * `instrumentation.ts`; later calls do nothing.
 */
export function installGracefulShutdown(): void {
  if (globalForShutdown.argmapShutdownInstalled) return;
  globalForShutdown.argmapShutdownInstalled = true;
  // Next calls this hook once its server listens.
  const servers = listeningHttpServers();
  const stop = (signal: keyof typeof EXIT_CODES) => {
    if (shutdownSignal().aborted) return;
    console.log(`${signal}: ending live streams, finishing requests, then stopping (at most ${SHUTDOWN_DEADLINE_MS / 1000} s).`);
    beginShutdown();
    // Next's shutdown waits for every connection to close, but closes idle keep-alive connections
    // only once: one whose request finishes later would hold the process until its keep-alive timeout.
    setInterval(() => servers.forEach((server) => server.closeIdleConnections()), IDLE_SWEEP_MS).unref();
    setTimeout(() => {
      console.error(`Requests were still running ${SHUTDOWN_DEADLINE_MS / 1000} s after ${signal}: stopping anyway.`);
      process.exit(EXIT_CODES[signal]);
    }, SHUTDOWN_DEADLINE_MS).unref();
  };
  if (servers.length === 0) console.warn('Graceful shutdown: found no HTTP server; idle connections may delay stopping by up to the deadline.');
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('exit', () => {
    // Only a database this process opened: stopping must not open one. (PostgreSQL needs nothing.)
    const connection = openSqliteConnection();
    if (!connection) return;
    try {
      connection.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a transaction cut off at the deadline is still open: closing rolls it back, and the WAL stays
    }
    connection.close();
  });
}
