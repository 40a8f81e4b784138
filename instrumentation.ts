/**
 * Next calls `register` once when the server starts. In the Node.js server it makes SIGINT and
 * SIGTERM stop the server within a few seconds even with live streams open (lib/http/shutdown.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installGracefulShutdown } = await import('./lib/http/shutdown');
  installGracefulShutdown();
}
