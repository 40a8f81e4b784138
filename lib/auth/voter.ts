import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { clientAddress, LOGIN_WINDOW_MS, SlidingWindow, type LoginGate } from './rate-limit';
import { arrivedOverHttps, cookieValue } from './cookies';
import { sign, signedByServer } from './server-secret';

/**
 * Who an anonymous voter is: a voter id the server hands out in an `HttpOnly` cookie, signed with
 * a server secret, so a client cannot make one up — a header such as `X-Argmap-Owner` can be
 * anything, and a new one per request cast a new vote each time. Accounts and members vote as
 * themselves (`lib/db/access.ts`) and never need this.
 *
 * A browser can still drop its cookie and be handed a new id. So new ids are rationed per address:
 * {@link VOTER_MINTS_MAX} per {@link VOTER_MINT_WINDOW_MS}. That is the residual risk, stated
 * plainly: one address can add at most that many anonymous votes to a point per window, and where
 * no address is known (`clientAddress` answers `DIRECT_ADDRESS`: too few `X-Forwarded-For` entries
 * behind `TRUST_PROXY`), all anonymous people together can be handed at most that many new ids per
 * window. Ids are handed out
 * on the first vote, not on every page view, so only people who vote use up the ration.
 */

/** The cookie that holds a browser's signed voter id. */
export const VOTER_COOKIE = 'argmap_voter';
/** How long a browser keeps its voter id: a year, like a member key. */
export const VOTER_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
/** New voter ids one address may be handed per window (a class of 50 behind one NAT, each twice). */
export const VOTER_MINTS_MAX = 100;
/** The window of {@link VOTER_MINTS_MAX}, in milliseconds: 15 minutes. */
export const VOTER_MINT_WINDOW_MS = LOGIN_WINDOW_MS;

/** `<22 characters of id>.<43 characters of signature>`, both base64url. */
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The voter id in the request's cookie, when the server signed it; null for none, or a made-up one. */
export function voterIdFrom(request: Request): string | null {
  const match = TOKEN_PATTERN.exec(cookieValue(request, VOTER_COOKIE) ?? '');
  if (!match) return null;
  const [, id, signature] = match;
  return signedByServer(`voter:${id}`, signature) ? id : null;
}

/** The `voterKey` a vote of this id is stored under (hex SHA-256: the id itself is never stored). */
export function voterKey(id: string): string {
  return createHash('sha256').update(`owner:voter:${id}`).digest('hex');
}

/** The ration of new ids per address, on its own store and clock (tests make their own). */
export function createVoterMints({ now = Date.now, max = VOTER_MINTS_MAX, windowMs = VOTER_MINT_WINDOW_MS } = {}) {
  const mints = new SlidingWindow(max, windowMs);
  return {
    check(address: string): LoginGate {
      const wait = mints.retryAfterSeconds(address, now());
      return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
    },
    record(address: string): void {
      mints.record(address, now());
    },
  };
}

const globalMints = globalThis as unknown as { argmapVoterMintRation?: ReturnType<typeof createVoterMints> };
const mints = (globalMints.argmapVoterMintRation ??= createVoterMints());

/**
 * A new signed voter id for the browser making `request`, with the `Set-Cookie` value that hands it
 * over — or, when its address has had its ration of new ids this window, how long to wait.
 */
export function mintVoter(request: Request): { id: string; cookie: string } | { refused: LoginGate & { allowed: false } } {
  const address = clientAddress(request);
  const gate = mints.check(address);
  if (!gate.allowed) return { refused: gate };
  mints.record(address);
  const id = randomBytes(16).toString('base64url');
  const cookie = `${VOTER_COOKIE}=${id}.${sign(`voter:${id}`)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${VOTER_COOKIE_MAX_AGE_SECONDS}${arrivedOverHttps(request) ? '; Secure' : ''}`;
  return { id, cookie };
}
