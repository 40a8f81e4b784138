/**
 * Next calls `register` once when the server starts. In the Node.js server it makes SIGINT and
 * SIGTERM stop the server within a few seconds even with live streams open (lib/http/shutdown.ts),
 * and has every request carry its connection's peer address, for the per-address limits
 * (lib/auth/peer-address.ts). On PostgreSQL it loads the signing key all instances share and listens
 * for changes made by other instances and shares who is on each map (lib/db/event-bus.ts, lib/db/presence.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installGracefulShutdown, listeningHttpServers } = await import('./lib/http/shutdown');
  const { installPeerAddress } = await import('./lib/auth/peer-address');
  installGracefulShutdown();
  installPeerAddress(listeningHttpServers());
  const { databaseKind } = await import('./lib/db/database-url');
  if (databaseKind() === 'postgresql') {
    // Several instances share one database: they sign alike and hear each other's changes.
    const { loadSharedSecret } = await import('./lib/auth/server-secret');
    const { listenForChanges } = await import('./lib/db/event-bus');
    const { shareDatabasePresence } = await import('./lib/db/presence');
    await loadSharedSecret();
    shareDatabasePresence();
    await listenForChanges();
  }
}
