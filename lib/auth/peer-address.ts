import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:net';

/**
 * The address at the other end of a request's TCP connection, which Next 16 does not give route
 * handlers. `installPeerAddress` has the server write it into each request as a header before Next
 * reads the request; the header's name is made afresh by each process from random bytes, so no
 * client can send one that is believed (an unknown name is just another header).
 */
const globalForPeer = globalThis as unknown as { argmapPeerHeader?: string };

/** This process's name for the peer-address header (`x-argmap-peer-<24 hex digits>`). */
function peerHeader(): string {
  return (globalForPeer.argmapPeerHeader ??= `x-argmap-peer-${randomBytes(12).toString('hex')}`);
}

/** Longest address kept (an IPv6 address with a zone is under 64 characters). */
const PEER_ADDRESS_MAX = 64;

/**
 * Makes every request to `servers` carry its socket's peer address (for {@link peerAddress}). Runs
 * before Next's own request listener; a header of the same name from the client is overwritten.
 */
export function installPeerAddress(servers: readonly Server[]): void {
  const name = peerHeader();
  for (const server of servers) {
    server.prependListener('request', (request: IncomingMessage) => {
      request.headers[name] = (request.socket.remoteAddress ?? '').slice(0, PEER_ADDRESS_MAX);
    });
  }
}

/**
 * The socket's peer address of a request to this process's server, or null when the server was not
 * set up for it (in-process tests, or a Node without the handle list `installPeerAddress` needs).
 *
 * @example peerAddress(request) // '192.168.1.23' (a student's laptop on the school network)
 */
export function peerAddress(request: Request): string | null {
  return request.headers.get(peerHeader()) || null;
}
