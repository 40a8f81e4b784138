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
  if (servers.length === 0) {
    console.warn('No listening server found: per-address limits cannot tell clients apart (set TRUST_PROXY behind a proxy).');
    return;
  }
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
  return addressKey(request.headers.get(peerHeader()) ?? '');
}

/**
 * The key an address is limited by: an IPv4 address as it is (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address by its /64 network — one host is usually given a whole /64,
 * and would otherwise rotate through it past every per-address limit. Null for none.
 *
 * @example addressKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function addressKey(address: string): string | null {
  const trimmed = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  if (trimmed === '') return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(trimmed);
  if (mapped) return mapped[1];
  if (!trimmed.includes(':')) return trimmed;
  // Expand "::" to the missing groups, then keep the first four.
  const [head, tail = ''] = trimmed.split('::');
  const left = head ? head.split(':') : [];
  const right = trimmed.includes('::') && tail ? tail.split(':') : [];
  const groups = trimmed.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
