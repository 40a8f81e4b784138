/**
 * Limits on guessing, in memory, with sliding windows: failed sign-ins, wrong invite codes, and the
 * anonymous voter identities one address may be handed (`lib/auth/voter.ts`).
 *
 * Sign-ins are limited three ways, so that guessing is slow and locking a person out is hard:
 * - one account from one address: {@link ACCOUNT_ADDRESS_FAILURES_MAX} per {@link LOGIN_WINDOW_MS}
 *   — the guesser is stopped, and the account's owner, elsewhere, is not;
 * - one account from everywhere: {@link ACCOUNT_FAILURES_MAX} per {@link ACCOUNT_WINDOW_MS} —
 *   guessing from many addresses is still bounded, and it takes ten times as many failures, spread
 *   over addresses, to lock the owner out;
 * - one address across accounts: {@link ADDRESS_FAILURES_MAX} per {@link LOGIN_WINDOW_MS} — one
 *   machine trying many accounts; generous, because a whole school often shares one NAT address.
 *
 * Addresses: `X-Forwarded-For` is written by whoever sends the request, so it is believed only when
 * the operator says a proxy in front of Argmap writes it (`TRUST_PROXY`, see {@link clientAddress}).
 * Otherwise the address is the connection's peer, which the server writes into each request
 * (`lib/auth/peer-address.ts`: Next 16 gives route handlers no socket address). Where no address
 * is known (in-process tests) every request comes from {@link DIRECT_ADDRESS}; limits per address
 * then cannot tell people apart, so they are skipped (a per-address limit on one shared key would
 * let anyone lock everyone out), and what remains are the per-account and global limits.
 *
 * Known devices: attempts from a browser that signed in to the account before (a signed token,
 * `lib/auth/device.ts`) come from a source of their own, `device:<id>`, limited only by their own
 * failures — so nobody else's wrong passwords, from any address or none, lock the owner out there.
 * The residual risk: someone's five wrong passwords in 15 minutes lock the account at the
 * guesser's address — for everyone behind it, when a school shares one — on browsers that never
 * signed in to it, and fifty an hour from anywhere lock it on such browsers everywhere.
 *
 * Memory is bounded: failures older than their window are dropped, each key keeps at most as many
 * times as its limit, and a table keeps at most {@link RATE_LIMIT_KEYS_MAX} keys, forgetting the one
 * that failed least recently when full. The counts live in this server process (Argmap runs as
 * one), so a restart forgets them; a restart cannot be triggered from outside.
 */
import { addressKey, peerAddress } from './peer-address';

/** Failed sign-ins one account may have from one address within {@link LOGIN_WINDOW_MS}. */
export const ACCOUNT_ADDRESS_FAILURES_MAX = 5;
/** Failed sign-ins one account may have from all addresses together within {@link ACCOUNT_WINDOW_MS}. */
export const ACCOUNT_FAILURES_MAX = 50;
/** Failed sign-ins one address may have across accounts within the window (a school's NAT carries many people). */
export const ADDRESS_FAILURES_MAX = 30;
/** The sliding window of the per-address limits, in milliseconds: 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** The sliding window of the per-account limit, in milliseconds: one hour. */
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
/** Keys one limit's table may hold; beyond it the least recently failed key is forgotten (each ≤ ~1 KB). */
export const RATE_LIMIT_KEYS_MAX = 50_000;
/** The address of every request when no trusted proxy names the client (see {@link clientAddress}). */
export const DIRECT_ADDRESS = 'direct';
/**
 * How the source of an attempt from a browser the account signed in on before begins
 * (`lib/auth/device.ts`); addresses never do.
 */
export const DEVICE_SOURCE_PREFIX = 'device:';
/** Proxies in front of Argmap that may be trusted to append the client's address, at most. */
export const TRUST_PROXY_HOPS_MAX = 10;
/** Records between two sweeps of a table for expired keys. */
const SWEEP_EVERY = 1000;
/** The longest address kept as a key; longer ones are cut. */
const ADDRESS_MAX = 64;

/** Whether an attempt may go ahead; when not, how long until it may, in whole seconds (≥ 1). */
export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failure times per key, oldest first, kept within the window and to at most `limit` entries
 * (older ones can no longer decide anything). The map is in order of each key's latest failure,
 * so expired keys and, when full, the least recently failed key are dropped from its front.
 */
export class SlidingWindow {
  private readonly failures = new Map<string, number[]>();
  private recordsSinceSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number = RATE_LIMIT_KEYS_MAX,
  ) {}

  /** How many keys are tracked now. */
  get size(): number {
    return this.failures.size;
  }

  /** Seconds until `key` is below its limit again; 0 when it already is. */
  retryAfterSeconds(key: string, now: number): number {
    const times = this.live(key, now);
    if (times.length < this.limit) return 0;
    // The attempt is allowed again once enough failures age out to leave `limit - 1`.
    const unblockedAt = times[times.length - this.limit] + this.windowMs;
    return Math.max(1, Math.ceil((unblockedAt - now) / 1000));
  }

  record(key: string, now: number): void {
    const times = this.live(key, now);
    times.push(now);
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.failures.delete(key);
    this.failures.set(key, times);
    if (++this.recordsSinceSweep >= SWEEP_EVERY || this.failures.size > this.maxKeys) this.sweep(now);
  }

  /** Forgets every failure of `key`. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Forgets the most recent failure of `key` (an attempt that turned out not to be one). */
  withdrawLatest(key: string): void {
    const times = this.failures.get(key);
    times?.pop();
    if (times?.length === 0) this.failures.delete(key);
  }

  private live(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  /**
   * From the front (least recently failed first): drops keys beyond the bound and a tenth more, so
   * the next sweep for room is a while off, then keys whose latest failure has expired. Runs every
   * {@link SWEEP_EVERY} records or when the table is over its bound: one pass, not one per record.
   */
  private sweep(now: number): void {
    this.recordsSinceSweep = 0;
    let surplus = this.failures.size > this.maxKeys ? this.failures.size - this.maxKeys + Math.ceil(this.maxKeys / 10) : 0;
    for (const [key, times] of this.failures) {
      if (surplus > 0) surplus -= 1;
      else if (now - times[times.length - 1] < this.windowMs) break;
      this.failures.delete(key);
    }
  }
}

/**
 * A sign-in limiter: the functions below, bound to one store and one clock. `source` is where the
 * attempt came from: an address ({@link clientAddress}) or a known device ({@link DEVICE_SOURCE_PREFIX}).
 */
export interface LoginRateLimiter {
  check(username: string, source: string): LoginGate;
  recordFailure(username: string, source: string): void;
  clear(username: string, source?: string): void;
}

function gate(wait: number): LoginGate {
  return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
}

/**
 * A sign-in limiter with its own store. `now` is the clock (milliseconds); tests pass their own.
 *
 * @example
 * let now = 0;
 * const limiter = createLoginRateLimiter({ now: () => now });
 * for (let i = 0; i < 5; i++) limiter.recordFailure('ada', '203.0.113.7');
 * limiter.check('ada', '203.0.113.7'); // { allowed: false, retryAfterSeconds: 900 }
 * limiter.check('ada', '198.51.100.2'); // { allowed: true } — the owner, elsewhere
 * now += 15 * 60 * 1000;
 * limiter.check('ada', '203.0.113.7'); // { allowed: true }
 */
export function createLoginRateLimiter({
  now = Date.now,
  accountAddressMax = ACCOUNT_ADDRESS_FAILURES_MAX,
  accountMax = ACCOUNT_FAILURES_MAX,
  addressMax = ADDRESS_FAILURES_MAX,
  windowMs = LOGIN_WINDOW_MS,
  accountWindowMs = ACCOUNT_WINDOW_MS,
  maxKeys = RATE_LIMIT_KEYS_MAX,
}: {
  now?: () => number;
  accountAddressMax?: number;
  accountMax?: number;
  addressMax?: number;
  windowMs?: number;
  accountWindowMs?: number;
  maxKeys?: number;
} = {}): LoginRateLimiter {
  const accountAddresses = new SlidingWindow(accountAddressMax, windowMs, maxKeys);
  const accounts = new SlidingWindow(accountMax, accountWindowMs, maxKeys);
  const addresses = new SlidingWindow(addressMax, windowMs, maxKeys);
  const pair = (username: string, source: string) => `${source}\n${username}`;
  const device = (source: string) => source.startsWith(DEVICE_SOURCE_PREFIX);
  const known = (source: string) => source !== DIRECT_ADDRESS && !device(source);
  return {
    check(username, source) {
      const t = now();
      const own = accountAddresses.retryAfterSeconds(pair(username, source), t);
      // A known device answers only for its own failures.
      if (device(source)) return gate(own);
      return gate(Math.max(own, accounts.retryAfterSeconds(username, t), known(source) ? addresses.retryAfterSeconds(source, t) : 0));
    },
    recordFailure(username, source) {
      const t = now();
      accountAddresses.record(pair(username, source), t);
      if (device(source)) return;
      accounts.record(username, t);
      if (known(source)) addresses.record(source, t);
    },
    clear(username, source) {
      if (source === undefined) {
        accounts.clear(username);
        return;
      }
      accountAddresses.clear(pair(username, source));
      if (device(source)) return;
      accounts.withdrawLatest(username);
      if (known(source)) addresses.withdrawLatest(source);
    },
  };
}

// One limiter per server process, kept on globalThis so a development reload does not reset it.
const globalForLimiter = globalThis as unknown as { argmapLoginLimiter?: LoginRateLimiter };
const limiter = (globalForLimiter.argmapLoginLimiter ??= createLoginRateLimiter());

/** Whether `username` may try to sign in from `address` now (see the module comment for the limits). */
export function checkLoginAllowed(username: string, address: string): LoginGate {
  return limiter.check(username, address);
}

/** Counts one failed sign-in against the account from this address, the account, and the address. */
export function recordLoginFailure(username: string, address: string): void {
  limiter.recordFailure(username, address);
}

/**
 * After a successful sign-in from `address`: forgets the account's failures from that address and
 * withdraws the one failure recorded for this very attempt from the account's and the address's
 * counts (`authenticate` in lib/db/users.ts counts every attempt as a failure before checking the
 * password, so a burst of parallel guesses cannot all pass the gate while the first hashes are
 * still being checked). Failures from other addresses stay: a guesser elsewhere keeps their count.
 * Without `address`, forgets the account's count across addresses.
 */
export function clearLoginFailures(username: string, address?: string): void {
  limiter.clear(username, address);
}

/**
 * How many proxies in front of Argmap append the client's address to `X-Forwarded-For`, from the
 * `TRUST_PROXY` setting: unset, empty, `0` or `false` → none (the header is not believed); `true`
 * → one; a whole number 1–{@link TRUST_PROXY_HOPS_MAX} → that many.
 */
export function trustedProxyHops(setting: string | undefined = process.env.TRUST_PROXY): number {
  const value = (setting ?? '').trim().toLowerCase();
  if (value === 'true') return 1;
  if (!/^\d{1,2}$/.test(value)) return 0;
  return Math.min(Number(value), TRUST_PROXY_HOPS_MAX);
}

/**
 * The address a request came from, for the per-address limits. With `TRUST_PROXY` set to the number
 * of proxies in front of Argmap, it is the entry that the outermost trusted proxy appended to
 * `X-Forwarded-For` (counted from the right: anything to its left was sent by the client and is not
 * believed). Without `TRUST_PROXY` it is the address at the other end of the connection
 * ({@link peerAddress}: Next 16 offers route handlers no socket address, so the server writes it
 * into the request under a per-process secret header name; a header the client wrote proves
 * nothing). Where neither is known — in-process tests, or too few `X-Forwarded-For` entries — it is
 * {@link DIRECT_ADDRESS}, which the per-address limits skip.
 *
 * @example clientAddress(request) // '192.168.1.23' (TRUST_PROXY unset: the connection's peer)
 * @example clientAddress(request) // '203.0.113.7' (TRUST_PROXY=1, X-Forwarded-For: 6.6.6.6, 203.0.113.7)
 */
export function clientAddress(request: Request, hops: number = trustedProxyHops()): string {
  if (hops === 0) return peerAddress(request) ?? DIRECT_ADDRESS;
  const chain = (request.headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim());
  const entry = chain.length >= hops ? chain[chain.length - hops] : '';
  return addressKey(entry.slice(0, ADDRESS_MAX)) ?? DIRECT_ADDRESS;
}

/** Wrong invite codes one address may try per window before it must wait (brute-forcing a 6-letter code). */
export const INVITE_GUESSES_MAX = 20;
/**
 * Wrong invite codes all addresses together may try per window. Bounds guessing from many addresses
 * (or from a direct server, where addresses are unknown) to ~10,000 a day against ~10⁹ codes;
 * a class mistyping its code stays far below it.
 */
export const INVITE_GUESSES_GLOBAL_MAX = 100;

/** A limiter of wrong invite codes: per known address, and for everyone together. */
export interface InviteRateLimiter {
  check(address: string): LoginGate;
  recordFailure(address: string): void;
}

/** An invite limiter with its own store (see {@link INVITE_GUESSES_MAX}, {@link INVITE_GUESSES_GLOBAL_MAX}). */
export function createInviteRateLimiter({
  now = Date.now,
  addressMax = INVITE_GUESSES_MAX,
  globalMax = INVITE_GUESSES_GLOBAL_MAX,
  windowMs = LOGIN_WINDOW_MS,
  maxKeys = RATE_LIMIT_KEYS_MAX,
}: { now?: () => number; addressMax?: number; globalMax?: number; windowMs?: number; maxKeys?: number } = {}): InviteRateLimiter {
  const addresses = new SlidingWindow(addressMax, windowMs, maxKeys);
  const everyone = new SlidingWindow(globalMax, windowMs, 1);
  return {
    check(address) {
      const t = now();
      return gate(Math.max(address === DIRECT_ADDRESS ? 0 : addresses.retryAfterSeconds(address, t), everyone.retryAfterSeconds('all', t)));
    },
    recordFailure(address) {
      const t = now();
      if (address !== DIRECT_ADDRESS) addresses.record(address, t);
      everyone.record('all', t);
    },
  };
}

const globalForInvites = globalThis as unknown as { argmapInvites?: InviteRateLimiter };
const inviteLimiter = (globalForInvites.argmapInvites ??= createInviteRateLimiter());

/** Whether `address` may try another invite code now. */
export function checkInviteAllowed(address: string): LoginGate {
  return inviteLimiter.check(address);
}

/** Counts one wrong invite code against the address and against everyone. */
export function recordInviteFailure(address: string): void {
  inviteLimiter.recordFailure(address);
}
