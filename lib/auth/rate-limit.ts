/**
 * Limits failed sign-ins, in memory, with a sliding window: a request is refused while an account
 * has {@link ACCOUNT_FAILURES_MAX} failures, or an address {@link ADDRESS_FAILURES_MAX}, within the
 * last {@link LOGIN_WINDOW_MS}. The per-account limit stops guessing one teacher's password; the
 * per-address limit stops one machine trying many accounts, and is generous because a whole school
 * often shares one NAT address.
 *
 * The counts live in this server process (Argmap runs as one), so a restart forgets them. That is
 * acceptable: a restart cannot be triggered from outside, and it gives an attacker one more window.
 */

/** Failed sign-ins one account may have within the window before further attempts are refused. */
export const ACCOUNT_FAILURES_MAX = 5;
/** Failed sign-ins one address may have within the window (a school's NAT carries many people). */
export const ADDRESS_FAILURES_MAX = 30;
/** The sliding window, in milliseconds: 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Whether a sign-in attempt may go ahead; when not, how long until it may, in whole seconds (≥ 1). */
export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A sign-in limiter: the functions below, bound to one store and one clock. */
export interface LoginRateLimiter {
  check(username: string, address: string): LoginGate;
  recordFailure(username: string, address: string): void;
  clear(username: string, address?: string): void;
}

/** Beyond this many tracked keys, a recording sweeps out keys whose failures have all expired. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Failure times per key, oldest first, kept within the window and to at most `limit` entries
 * (older ones can no longer decide anything), so memory stays bounded per key.
 */
class SlidingWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

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
    this.failures.set(key, times);
    if (this.failures.size > SWEEP_THRESHOLD) this.sweep(now);
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

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.live(key, now);
  }
}

/**
 * A limiter with its own store. `now` is the clock (milliseconds); tests pass their own.
 *
 * @example
 * let now = 0;
 * const limiter = createLoginRateLimiter({ now: () => now });
 * for (let i = 0; i < 5; i++) limiter.recordFailure('ada', 'local');
 * limiter.check('ada', 'local'); // { allowed: false, retryAfterSeconds: 900 }
 * now += 15 * 60 * 1000;
 * limiter.check('ada', 'local'); // { allowed: true }
 */
export function createLoginRateLimiter({
  now = Date.now,
  accountMax = ACCOUNT_FAILURES_MAX,
  addressMax = ADDRESS_FAILURES_MAX,
  windowMs = LOGIN_WINDOW_MS,
}: { now?: () => number; accountMax?: number; addressMax?: number; windowMs?: number } = {}): LoginRateLimiter {
  const accounts = new SlidingWindow(accountMax, windowMs);
  const addresses = new SlidingWindow(addressMax, windowMs);
  return {
    check(username, address) {
      const t = now();
      const wait = Math.max(accounts.retryAfterSeconds(username, t), addresses.retryAfterSeconds(address, t));
      return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
    },
    recordFailure(username, address) {
      const t = now();
      accounts.record(username, t);
      addresses.record(address, t);
    },
    clear(username, address) {
      accounts.clear(username);
      if (address !== undefined) addresses.withdrawLatest(address);
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

/** Counts one failed sign-in against both the account and the address. */
export function recordLoginFailure(username: string, address: string): void {
  limiter.recordFailure(username, address);
}

/**
 * After a successful sign-in: forgets the account's failures. The address keeps its failures (one
 * good account must not reset a machine's count), except that, when `address` is given, the one
 * failure recorded for this very attempt is withdrawn: `authenticate` (lib/db/users.ts) counts every
 * attempt as a failure before checking the password, so a burst of parallel guesses cannot all pass
 * the gate while the first hashes are still being checked.
 */
export function clearLoginFailures(username: string, address?: string): void {
  limiter.clear(username, address);
}

/**
 * The address a request came from, for the per-address limit: the first `X-Forwarded-For` value
 * (the client, as the proxy in front of the server saw it), else `'local'`. Next's server fills the
 * header with the socket's address when no proxy set it. Without a proxy a client can send its own
 * header, which only escapes the per-address limit; the per-account limit keys on the username and
 * still holds.
 */
export function clientAddress(request: Request): string {
  const first = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : 'local';
}

/** Wrong invite codes one address may try per window before it must wait (brute-forcing a 6-letter code). */
export const INVITE_GUESSES_MAX = 20;

const globalForInvites = globalThis as unknown as { argmapInviteLimiter?: LoginRateLimiter };
const inviteLimiter = (globalForInvites.argmapInviteLimiter ??= createLoginRateLimiter({ accountMax: Number.MAX_SAFE_INTEGER, addressMax: INVITE_GUESSES_MAX }));

/** Whether `address` may try another invite code now. */
export function checkInviteAllowed(address: string): LoginGate {
  return inviteLimiter.check('invite', address);
}

/** Counts one wrong invite code against the address. */
export function recordInviteFailure(address: string): void {
  inviteLimiter.recordFailure('invite', address);
}
