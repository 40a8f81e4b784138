/**
 * Limits on guessing: failed sign-ins and wrong invite codes, counted by `rate-limiter-flexible` —
 * in this process's memory on SQLite (Argmap then runs as one process), in a PostgreSQL table that
 * every instance shares on PostgreSQL, so five failures spread over two instances still lock. The
 * anonymous voter identities one address may be handed (`lib/auth/voter.ts`) are rationed by
 * {@link SlidingWindow}, in memory, per process.
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
 * Windows are the library's: a key's window opens at its first failure and lasts the window; while
 * it holds the limit's number of failures, attempts are refused until it ends (`Retry-After`), and
 * then the count starts again from nothing. So at most the limit fail per window, though up to twice
 * the limit less one can fail close together across the end of one window and the start of the next.
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
 * Stores:
 * - memory ({@link memoryStore}): the library's `RateLimiterMemory` drops a key when its window
 *   ends but keeps any number of live keys, so each limit also keeps at most
 *   {@link RATE_LIMIT_KEYS_MAX} of them, forgetting the one that failed least recently when full. A
 *   restart forgets every count; a restart cannot be triggered from outside.
 * - PostgreSQL ({@link postgresStore}): `RateLimiterPostgres` on the app's pool, one row per key in
 *   {@link RATE_LIMIT_TABLE}, counted with atomic upserts. The table is made on first use (under an
 *   advisory lock, so instances that start together do not race); rows whose window ended an hour
 *   ago are deleted every five minutes. Window ends are written with the writing instance's clock,
 *   so instances' clocks must agree (NTP), as they must for sessions anyway.
 */
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import { databaseKind } from '../db/database-url';
import { addressKey, peerAddress } from './peer-address';

/** Failed sign-ins one account may have from one address within {@link LOGIN_WINDOW_MS}. */
export const ACCOUNT_ADDRESS_FAILURES_MAX = 5;
/** Failed sign-ins one account may have from all addresses together within {@link ACCOUNT_WINDOW_MS}. */
export const ACCOUNT_FAILURES_MAX = 50;
/** Failed sign-ins one address may have across accounts within the window (a school's NAT carries many people). */
export const ADDRESS_FAILURES_MAX = 30;
/** The window of the per-address limits, in milliseconds: 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** The window of the per-account limit, in milliseconds: one hour. */
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
/** Keys one limit may hold in memory; beyond it the least recently failed key is forgotten (each ≤ ~1 KB). */
export const RATE_LIMIT_KEYS_MAX = 50_000;
/** The PostgreSQL table of every limit's counts, shared by all instances (the library's columns). */
export const RATE_LIMIT_TABLE = 'RateLimit';
/** The advisory lock key under which an instance makes {@link RATE_LIMIT_TABLE} (the migration runner and lib/db/sql.ts take …001 and …002). */
const RATE_LIMIT_TABLE_LOCK_KEY = 7_261_205_003;
/** The address of every request when no trusted proxy names the client (see {@link clientAddress}). */
export const DIRECT_ADDRESS = 'direct';
/**
 * How the source of an attempt from a browser the account signed in on before begins
 * (`lib/auth/device.ts`); addresses never do.
 */
export const DEVICE_SOURCE_PREFIX = 'device:';
/** Proxies in front of Argmap that may be trusted to append the client's address, at most. */
export const TRUST_PROXY_HOPS_MAX = 10;
/** Records between two sweeps of a {@link SlidingWindow} for expired keys. */
const SWEEP_EVERY = 1000;
/** The longest address kept as a key; longer ones are cut. */
const ADDRESS_MAX = 64;

/** Whether an attempt may go ahead; when not, how long until it may, in whole seconds (≥ 1). */
export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Where the limits keep their counts: see the module comment. */
export type RateLimitStore = { kind: 'memory'; maxKeys: number } | { kind: 'postgresql'; pool: pg.Pool };

/** Counts in this process's memory, at most `maxKeys` keys per limit. */
export function memoryStore(maxKeys: number = RATE_LIMIT_KEYS_MAX): RateLimitStore {
  return { kind: 'memory', maxKeys };
}

/**
 * Counts in {@link RATE_LIMIT_TABLE} on `pool`'s database, shared with every instance that uses it.
 * Makes the table first when it is missing: in a transaction holding an advisory lock, so two
 * instances starting together do not both try (concurrent `CREATE TABLE IF NOT EXISTS` can fail).
 */
export async function postgresStore(pool: pg.Pool): Promise<RateLimitStore> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [RATE_LIMIT_TABLE_LOCK_KEY]);
    // The statement RateLimiterPostgres would run itself (`tableCreated: false`): its queries insert by position.
    await client.query(`CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return { kind: 'postgresql', pool };
}

/** Whole seconds until `res`'s window ends, at least 1; 0 when it has ended. */
function secondsLeft(res: RateLimiterRes | null): number {
  if (!res || res.msBeforeNext <= 0) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Keeps a memory limit to `maxKeys` keys: `RateLimiterMemory` drops a key only when its window
 * ends. Keys are kept in the order of their latest failure; when there are more than `maxKeys`,
 * one pass drops those whose window ended and then, from the least recently failed, enough live
 * ones to leave a tenth of the bound free, so the next pass is a while off.
 */
class KeyBound {
  private readonly ends = new Map<string, number>();

  constructor(
    private readonly maxKeys: number,
    private readonly forget: (key: string) => void,
  ) {}

  /** How many keys are tracked now. */
  get size(): number {
    return this.ends.size;
  }

  failed(key: string, res: RateLimiterRes): void {
    this.ends.delete(key);
    this.ends.set(key, Date.now() + res.msBeforeNext);
    if (this.ends.size > this.maxKeys) this.trim();
  }

  forgotten(key: string): void {
    this.ends.delete(key);
  }

  private trim(): void {
    const now = Date.now();
    for (const [key, end] of this.ends) if (end <= now) this.ends.delete(key);
    let surplus = this.ends.size - (this.maxKeys - Math.ceil(this.maxKeys / 10));
    for (const key of this.ends.keys()) {
      if (surplus-- <= 0) break;
      this.ends.delete(key);
      this.forget(key);
    }
  }
}

/** One limit: at most `max` failures per key in a window, in a store (made by {@link failureCount}). */
export class FailureCount {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly max: number,
    private readonly bound?: KeyBound,
  ) {}

  /** Keys tracked in memory (memory stores only; for tests). */
  get size(): number {
    return this.bound?.size ?? 0;
  }

  /** Seconds until `key` is below the limit again; 0 when it already is. */
  async wait(key: string): Promise<number> {
    const res = await this.limiter.get(key);
    return res && res.consumedPoints >= this.max ? secondsLeft(res) : 0;
  }

  /** Counts one failure of `key` (atomically); when that took it past the limit, the seconds to wait, else 0. */
  async add(key: string): Promise<number> {
    const res = await this.limiter.penalty(key);
    this.bound?.failed(key, res);
    return res.consumedPoints > this.max ? Math.max(1, secondsLeft(res)) : 0;
  }

  /** Forgets every failure of `key`. */
  async remove(key: string): Promise<void> {
    this.bound?.forgotten(key);
    await this.limiter.delete(key);
  }

  /** Takes back one failure of `key` (an attempt that turned out not to be one). */
  async withdraw(key: string): Promise<void> {
    const res = await this.limiter.reward(key);
    // The window ended in between: the library opened a new one at -1, which would allow one more.
    if (res.consumedPoints < 0) await this.remove(key);
  }
}

/** A limit called `name` (its keys' prefix) of `max` failures per `windowMs`, in `store`. */
export function failureCount(store: RateLimitStore, name: string, max: number, windowMs: number, { sweeps = false } = {}): FailureCount {
  const options = { keyPrefix: name, points: max, duration: windowMs / 1000 };
  if (store.kind === 'postgresql') {
    const limiter = new RateLimiterPostgres({
      ...options,
      storeClient: store.pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      // One limit per limiter deletes expired rows of the whole table; more would repeat its work.
      clearExpiredByTimeout: sweeps,
    });
    return new FailureCount(limiter, max);
  }
  const limiter = new RateLimiterMemory(options);
  return new FailureCount(limiter, max, new KeyBound(store.maxKeys, (key) => void limiter.delete(key)));
}

/**
 * A sign-in limiter: the functions below, bound to one store. `source` is where the attempt came
 * from: an address ({@link clientAddress}) or a known device ({@link DEVICE_SOURCE_PREFIX}).
 */
export interface LoginRateLimiter {
  /** Whether an attempt may go ahead; reads only. */
  check(username: string, source: string): Promise<LoginGate>;
  /**
   * Counts one failure against every limit the attempt falls under. Refused (and taken back) when
   * that went past a limit: parallel attempts that all passed {@link check} took the last places.
   */
  recordFailure(username: string, source: string): Promise<LoginGate>;
  clear(username: string, source?: string): Promise<void>;
}

function gate(wait: number): LoginGate {
  return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
}

/** The largest of the waits: the gate opens when every limit allows. */
async function longest(waits: Promise<number>[]): Promise<LoginGate> {
  return gate(Math.max(0, ...(await Promise.all(waits))));
}

/**
 * A sign-in limiter on `store` (memory unless given). Its windows run on `Date.now()`; tests move
 * it with fake timers.
 *
 * @example
 * const limiter = createLoginRateLimiter();
 * for (let i = 0; i < 5; i++) await limiter.recordFailure('ada', '203.0.113.7');
 * await limiter.check('ada', '203.0.113.7'); // { allowed: false, retryAfterSeconds: 900 }
 * await limiter.check('ada', '198.51.100.2'); // { allowed: true } — the owner, elsewhere
 * // 15 minutes later
 * await limiter.check('ada', '203.0.113.7'); // { allowed: true }
 */
export function createLoginRateLimiter({
  store = memoryStore(),
  accountAddressMax = ACCOUNT_ADDRESS_FAILURES_MAX,
  accountMax = ACCOUNT_FAILURES_MAX,
  addressMax = ADDRESS_FAILURES_MAX,
  windowMs = LOGIN_WINDOW_MS,
  accountWindowMs = ACCOUNT_WINDOW_MS,
}: {
  store?: RateLimitStore;
  accountAddressMax?: number;
  accountMax?: number;
  addressMax?: number;
  windowMs?: number;
  accountWindowMs?: number;
} = {}): LoginRateLimiter {
  const accountAddresses = failureCount(store, 'login-account-source', accountAddressMax, windowMs);
  const accounts = failureCount(store, 'login-account', accountMax, accountWindowMs, { sweeps: true });
  const addresses = failureCount(store, 'login-address', addressMax, windowMs);
  const pair = (username: string, source: string) => `${source}\n${username}`;
  const device = (source: string) => source.startsWith(DEVICE_SOURCE_PREFIX);
  const known = (source: string) => source !== DIRECT_ADDRESS && !device(source);
  /** The limits an attempt falls under, with its key in each. A known device answers only for its own failures. */
  const limits = (username: string, source: string): [FailureCount, string][] => {
    if (device(source)) return [[accountAddresses, pair(username, source)]];
    const all: [FailureCount, string][] = [
      [accountAddresses, pair(username, source)],
      [accounts, username],
    ];
    if (known(source)) all.push([addresses, source]);
    return all;
  };
  return {
    check(username, source) {
      return longest(limits(username, source).map(([count, key]) => count.wait(key)));
    },
    async recordFailure(username, source) {
      const applying = limits(username, source);
      const counted = await longest(applying.map(([count, key]) => count.add(key)));
      if (!counted.allowed) await Promise.all(applying.map(([count, key]) => count.withdraw(key)));
      return counted;
    },
    async clear(username, source) {
      if (source === undefined) return accounts.remove(username);
      const [own, ...others] = limits(username, source);
      await Promise.all([own[0].remove(own[1]), ...others.map(([count, key]) => count.withdraw(key))]);
    },
  };
}

/** The limiters of this process, on the store DATABASE_URL calls for. */
interface Limiters {
  login: LoginRateLimiter;
  invite: InviteRateLimiter;
}

// Kept on globalThis so a development reload does not reset the counts; made again when the app's
// PostgreSQL pool is a new one (the API tests point each file at a database of its own).
const globalForLimits = globalThis as unknown as { argmapRateLimits?: { pool: pg.Pool | null; limiters: Promise<Limiters> } };

async function limiters(): Promise<Limiters> {
  // Loaded only here: the constants and address helpers above are imported where no database is.
  const pool = databaseKind() === 'postgresql' ? await (await import('../db/client')).postgresPool() : null;
  const cached = globalForLimits.argmapRateLimits;
  if (cached && cached.pool === pool) return cached.limiters;
  const made = (async () => {
    const store = pool ? await postgresStore(pool) : memoryStore();
    return { login: createLoginRateLimiter({ store }), invite: createInviteRateLimiter({ store }) };
  })();
  globalForLimits.argmapRateLimits = { pool, limiters: made };
  // A table that could not be made (database down) is tried again on the next attempt.
  made.catch(() => {
    if (globalForLimits.argmapRateLimits?.limiters === made) delete globalForLimits.argmapRateLimits;
  });
  return made;
}

/** Whether `username` may try to sign in from `address` now (see the module comment for the limits). */
export async function checkLoginAllowed(username: string, address: string): Promise<LoginGate> {
  return (await limiters()).login.check(username, address);
}

/**
 * Counts one failed sign-in against the account from this address, the account, and the address.
 * Refused, and not counted, when parallel attempts took the last places since {@link checkLoginAllowed}.
 */
export async function recordLoginFailure(username: string, address: string): Promise<LoginGate> {
  return (await limiters()).login.recordFailure(username, address);
}

/**
 * After a successful sign-in from `address`: forgets the account's failures from that address and
 * withdraws the one failure recorded for this very attempt from the account's and the address's
 * counts (`authenticate` in lib/db/users.ts counts every attempt as a failure before checking the
 * password, so a burst of parallel guesses cannot all pass the gate while the first hashes are
 * still being checked). Failures from other addresses stay: a guesser elsewhere keeps their count.
 * Without `address`, forgets the account's count across addresses.
 */
export async function clearLoginFailures(username: string, address?: string): Promise<void> {
  await (await limiters()).login.clear(username, address);
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
  check(address: string): Promise<LoginGate>;
  recordFailure(address: string): Promise<void>;
}

/** An invite limiter on `store` (memory unless given; see {@link INVITE_GUESSES_MAX}, {@link INVITE_GUESSES_GLOBAL_MAX}). */
export function createInviteRateLimiter({
  store = memoryStore(),
  addressMax = INVITE_GUESSES_MAX,
  globalMax = INVITE_GUESSES_GLOBAL_MAX,
  windowMs = LOGIN_WINDOW_MS,
}: { store?: RateLimitStore; addressMax?: number; globalMax?: number; windowMs?: number } = {}): InviteRateLimiter {
  const addresses = failureCount(store, 'invite-address', addressMax, windowMs);
  const everyone = failureCount(store, 'invite-all', globalMax, windowMs, { sweeps: true });
  const EVERYONE = 'all';
  return {
    check(address) {
      return longest([address === DIRECT_ADDRESS ? Promise.resolve(0) : addresses.wait(address), everyone.wait(EVERYONE)]);
    },
    async recordFailure(address) {
      await Promise.all([address === DIRECT_ADDRESS ? undefined : addresses.add(address), everyone.add(EVERYONE)]);
    },
  };
}

/** Whether `address` may try another invite code now. */
export async function checkInviteAllowed(address: string): Promise<LoginGate> {
  return (await limiters()).invite.check(address);
}

/** Counts one wrong invite code against the address and against everyone. */
export async function recordInviteFailure(address: string): Promise<void> {
  await (await limiters()).invite.recordFailure(address);
}

/**
 * A sliding window in this process's memory, for the voter-id ration (`lib/auth/voter.ts`, one
 * synchronous check per vote); the sign-in and invite limits above use the library. Failure times
 * per key, oldest first, kept within the window and to at most `limit` entries (older ones can no
 * longer decide anything). The map is in order of each key's latest failure,
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
