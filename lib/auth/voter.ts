import 'server-only';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseFile } from '../db/database-url';
import { clientAddress, LOGIN_WINDOW_MS, SlidingWindow, type LoginGate } from './rate-limit';

/**
 * Who an anonymous voter is: a voter id the server hands out in an `HttpOnly` cookie, signed with
 * a server secret, so a client cannot make one up — a header such as `X-Argmap-Owner` can be
 * anything, and a new one per request cast a new vote each time. Accounts and members vote as
 * themselves (`lib/db/access.ts`) and never need this.
 *
 * A browser can still drop its cookie and be handed a new id. So new ids are rationed per address:
 * {@link VOTER_MINTS_MAX} per {@link VOTER_MINT_WINDOW_MS}. That is the residual risk, stated
 * plainly: one address can add at most that many anonymous votes to a point per window, and, on a
 * server without a trusted proxy (every request from one address, see `clientAddress`), all
 * anonymous people together can be handed at most that many new ids per window. Ids are handed out
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

/** The secret's file, beside the database, so a restart keeps every browser's voter id. */
const SECRET_FILE = 'argmap-voter-secret';
/** `<22 characters of id>.<43 characters of signature>`, both base64url. */
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

const globalForVoters = globalThis as unknown as { argmapVoterSecret?: Buffer };

/**
 * The key that signs voter ids: `ARGMAP_SECRET` when set (at least 32 characters), else a random
 * key kept in a file beside the database (made on first use, readable by its owner only), else —
 * when that cannot be written — one for this process alone (a restart then hands out new ids).
 */
function secret(): Buffer {
  if (globalForVoters.argmapVoterSecret) return globalForVoters.argmapVoterSecret;
  const configured = process.env.ARGMAP_SECRET?.trim();
  let key: Buffer;
  if (configured && configured.length >= 32) {
    key = Buffer.from(configured);
  } else {
    try {
      const file = path.join(path.dirname(databaseFile()), SECRET_FILE);
      if (!existsSync(file)) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
      }
      key = Buffer.from(readFileSync(file, 'utf8').trim());
      if (key.length < 32) throw new Error('voter secret too short');
    } catch {
      key = randomBytes(32);
    }
  }
  globalForVoters.argmapVoterSecret = key;
  return key;
}

function signature(id: string): string {
  return createHmac('sha256', secret()).update(`voter:${id}`).digest('base64url');
}

/** The voter id in the request's cookie, when the server signed it; null for none, or a made-up one. */
export function voterIdFrom(request: Request): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim() !== VOTER_COOKIE) continue;
    const match = TOKEN_PATTERN.exec(pair.slice(eq + 1).trim());
    if (!match) continue;
    const [, id, sent] = match;
    if (timingSafeEqual(Buffer.from(sent), Buffer.from(signature(id)))) return id;
  }
  return null;
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
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  const cookie = `${VOTER_COOKIE}=${id}.${signature(id)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${VOTER_COOKIE_MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`;
  return { id, cookie };
}
