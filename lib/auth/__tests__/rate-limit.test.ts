import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  ACCOUNT_ADDRESS_FAILURES_MAX,
  ACCOUNT_FAILURES_MAX,
  ACCOUNT_WINDOW_MS,
  ADDRESS_FAILURES_MAX,
  DEVICE_SOURCE_PREFIX,
  DIRECT_ADDRESS,
  INVITE_GUESSES_GLOBAL_MAX,
  INVITE_GUESSES_MAX,
  LOGIN_WINDOW_MS,
  RATE_LIMIT_KEYS_MAX,
  SlidingWindow,
  clientAddress,
  createInviteRateLimiter,
  createLoginRateLimiter,
  failureCount,
  memoryStore,
  trustedProxyHops,
  type LoginGate,
} from '../rate-limit';

const MINUTE = 60 * 1000;

// The library's windows run on Date.now() and setTimeout: fake timers move both, so a window ends
// when the test says, without waiting (vi.advanceTimersByTime also runs the library's expiry timers).
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});
const pass = (ms: number) => vi.advanceTimersByTime(ms);

/** A login limiter on the memory store, with a helper that fails `times` times. */
function loginLimiter() {
  const limiter = createLoginRateLimiter();
  const fail = async (times: number, username: string, address: string) => {
    for (let i = 0; i < times; i++) await limiter.recordFailure(username, address);
  };
  return { limiter, fail };
}

const refused = (retryAfterSeconds: number): LoginGate => ({ allowed: false, retryAfterSeconds });
const ALLOWED: LoginGate = { allowed: true };

describe('the limits', () => {
  test('5 per account and address and 30 per address in 15 minutes, 50 per account in an hour; 20 invite codes per address, 100 in all', () => {
    expect([ACCOUNT_ADDRESS_FAILURES_MAX, ADDRESS_FAILURES_MAX, LOGIN_WINDOW_MS]).toEqual([5, 30, 15 * MINUTE]);
    expect([ACCOUNT_FAILURES_MAX, ACCOUNT_WINDOW_MS]).toEqual([50, 60 * MINUTE]);
    expect([INVITE_GUESSES_MAX, INVITE_GUESSES_GLOBAL_MAX, RATE_LIMIT_KEYS_MAX]).toEqual([20, 100, 50_000]);
  });

  /**
   * Each limit: `fail(i)` is the i-th failure that counts against it (and against no other limit
   * enough to decide), `check()` an attempt it governs, `elsewhere` attempts it does not.
   */
  type Row = { fail: (i: number) => Promise<unknown>; check: () => Promise<LoginGate>; elsewhere: (() => Promise<LoginGate>)[] };
  const rows: [string, number, number, () => Row][] = [
    [
      'one account from one address',
      ACCOUNT_ADDRESS_FAILURES_MAX,
      LOGIN_WINDOW_MS,
      () => {
        const limiter = createLoginRateLimiter();
        return {
          fail: () => limiter.recordFailure('ada', '10.0.0.1'),
          check: () => limiter.check('ada', '10.0.0.1'),
          // The owner, elsewhere, and someone else there.
          elsewhere: [() => limiter.check('ada', '10.0.0.2'), () => limiter.check('grace', '10.0.0.1')],
        };
      },
    ],
    [
      'one account from everywhere',
      ACCOUNT_FAILURES_MAX,
      ACCOUNT_WINDOW_MS,
      () => {
        const limiter = createLoginRateLimiter();
        return {
          fail: (i) => limiter.recordFailure('ada', `198.51.100.${i}`),
          check: () => limiter.check('ada', '192.0.2.1'),
          elsewhere: [() => limiter.check('grace', '192.0.2.1')],
        };
      },
    ],
    [
      'one address across accounts',
      ADDRESS_FAILURES_MAX,
      LOGIN_WINDOW_MS,
      () => {
        const limiter = createLoginRateLimiter();
        return {
          fail: (i) => limiter.recordFailure(`student${i}`, '203.0.113.7'),
          check: () => limiter.check('newcomer', '203.0.113.7'),
          elsewhere: [() => limiter.check('newcomer', '203.0.113.8')],
        };
      },
    ],
    [
      'one account from a known device',
      ACCOUNT_ADDRESS_FAILURES_MAX,
      LOGIN_WINDOW_MS,
      () => {
        const limiter = createLoginRateLimiter();
        return {
          fail: () => limiter.recordFailure('ada', `${DEVICE_SOURCE_PREFIX}laptop`),
          check: () => limiter.check('ada', `${DEVICE_SOURCE_PREFIX}laptop`),
          elsewhere: [() => limiter.check('ada', `${DEVICE_SOURCE_PREFIX}phone`)],
        };
      },
    ],
    [
      'invite codes from one address',
      INVITE_GUESSES_MAX,
      LOGIN_WINDOW_MS,
      () => {
        const limiter = createInviteRateLimiter();
        return {
          fail: () => limiter.recordFailure('203.0.113.7'),
          check: () => limiter.check('203.0.113.7'),
          elsewhere: [() => limiter.check('203.0.113.8')],
        };
      },
    ],
    [
      'invite codes from everyone',
      INVITE_GUESSES_GLOBAL_MAX,
      LOGIN_WINDOW_MS,
      () => {
        const limiter = createInviteRateLimiter();
        return { fail: (i) => limiter.recordFailure(`198.51.${i >> 8}.${i & 255}`), check: () => limiter.check('192.0.2.1'), elsewhere: [] };
      },
    ],
  ];

  test.each(rows)('%s: %i failures per window; then refused until it ends, with Retry-After in whole seconds', async (_name, max, windowMs, make) => {
    const { fail, check, elsewhere } = make();
    for (let i = 0; i < max - 1; i++) await fail(i);
    expect(await check()).toEqual(ALLOWED);
    await fail(max - 1);
    expect(await check()).toEqual(refused(windowMs / 1000));
    for (const other of elsewhere) expect(await other()).toEqual(ALLOWED);
    pass(windowMs - 1001);
    expect(await check()).toEqual(refused(2));
    pass(1000);
    // Rounded up, and never 0 while refused.
    expect(await check()).toEqual(refused(1));
    pass(1);
    expect(await check()).toEqual(ALLOWED);
  });
});

describe('the login rate limiter', () => {
  test('allows an account that has never failed', async () => {
    expect(await loginLimiter().limiter.check('ada', '10.0.0.1')).toEqual(ALLOWED);
  });

  test('wrong passwords from other addresses do not lock the owner out (issue 10, finding 13)', async () => {
    const { limiter, fail } = loginLimiter();
    for (let i = 0; i < 8; i++) await fail(ACCOUNT_ADDRESS_FAILURES_MAX, 'ada', `198.51.100.${i}`);
    expect((await limiter.check('ada', '198.51.100.0')).allowed).toBe(false);
    expect(await limiter.check('ada', '203.0.113.7')).toEqual(ALLOWED);
    expect(await limiter.check('grace', '198.51.100.0')).toEqual(ALLOWED);
  });

  test('the window is fixed from a key’s first failure: refused until it ends, then the count starts again', async () => {
    const { limiter, fail } = loginLimiter();
    await fail(1, 'ada', 'lab'); // t = 0: the window runs to t = 15 min
    pass(5 * MINUTE);
    await fail(4, 'ada', 'lab'); // t = 5 min
    expect(await limiter.check('ada', 'lab')).toEqual(refused(10 * 60));
    pass(10 * MINUTE);
    expect(await limiter.check('ada', 'lab')).toEqual(ALLOWED);
    // A new window from the next failure: four more are allowed, the fifth refuses for all of it.
    await fail(4, 'ada', 'lab');
    expect(await limiter.check('ada', 'lab')).toEqual(ALLOWED);
    await fail(1, 'ada', 'lab');
    expect(await limiter.check('ada', 'lab')).toEqual(refused(15 * 60));
  });

  test('without a known address, failures on other accounts never lock anyone else out', async () => {
    const { limiter } = loginLimiter();
    for (let i = 0; i < 10 * ADDRESS_FAILURES_MAX; i++) await limiter.recordFailure(`student${i}`, DIRECT_ADDRESS);
    expect(await limiter.check('teacher', DIRECT_ADDRESS)).toEqual(ALLOWED);
  });

  test('parallel attempts that all passed the check: only as many as the limit are counted, the rest refused', async () => {
    const { limiter } = loginLimiter();
    const counted = await Promise.all(Array.from({ length: 20 }, () => limiter.recordFailure('ada', 'lab')));
    expect(counted.filter((gate) => gate.allowed)).toHaveLength(ACCOUNT_ADDRESS_FAILURES_MAX);
    expect(counted.filter((gate) => !gate.allowed)).toEqual(Array(20 - ACCOUNT_ADDRESS_FAILURES_MAX).fill(refused(15 * 60)));
    expect(await limiter.check('ada', 'lab')).toEqual(refused(15 * 60));
    // The refused ones were taken back from the account's count: 45 more failures elsewhere still lock it only at 50.
    for (let i = 0; i < ACCOUNT_FAILURES_MAX - ACCOUNT_ADDRESS_FAILURES_MAX - 1; i++) await limiter.recordFailure('ada', `198.51.100.${i}`);
    expect(await limiter.check('ada', '192.0.2.1')).toEqual(ALLOWED);
    await limiter.recordFailure('ada', '192.0.2.2');
    expect((await limiter.check('ada', '192.0.2.1')).allowed).toBe(false);
  });

  test('a success withdraws only the one failure recorded for that attempt, and keeps others’ counts', async () => {
    const { limiter } = loginLimiter();
    for (let i = 0; i < ADDRESS_FAILURES_MAX - 1; i++) await limiter.recordFailure(`student${i}`, 'school');
    // authenticate() counts the attempt before checking the password…
    await limiter.recordFailure('ada', 'school');
    expect((await limiter.check('someone', 'school')).allowed).toBe(false);
    // …and withdraws it when the password was right.
    await limiter.clear('ada', 'school');
    expect(await limiter.check('someone', 'school')).toEqual(ALLOWED);
    await limiter.recordFailure('someone', 'school');
    expect((await limiter.check('someone', 'school')).allowed).toBe(false);
  });

  test('a success clears the account’s failures from that address', async () => {
    const { limiter, fail } = loginLimiter();
    await fail(ACCOUNT_ADDRESS_FAILURES_MAX - 1, 'ada', 'home');
    await limiter.recordFailure('ada', 'home');
    await limiter.clear('ada', 'home');
    await fail(ACCOUNT_ADDRESS_FAILURES_MAX - 1, 'ada', 'home');
    expect(await limiter.check('ada', 'home')).toEqual(ALLOWED);
  });

  test('a success whose window ended meanwhile gives no extra attempt in the next one', async () => {
    const { limiter } = loginLimiter();
    await limiter.recordFailure('ada', '10.0.0.1');
    pass(LOGIN_WINDOW_MS); // the password was being checked as the window ended
    await limiter.clear('ada', '10.0.0.1');
    // The address's count starts again from nothing, not from -1.
    for (let i = 0; i < ADDRESS_FAILURES_MAX; i++) await limiter.recordFailure(`student${i}`, '10.0.0.1');
    expect((await limiter.check('newcomer', '10.0.0.1')).allowed).toBe(false);
  });

  test('clearing without an address forgets the account’s count across addresses', async () => {
    const { limiter } = loginLimiter();
    for (let i = 0; i < ACCOUNT_FAILURES_MAX; i++) await limiter.recordFailure('ada', `198.51.100.${i}`);
    expect((await limiter.check('ada', '192.0.2.1')).allowed).toBe(false);
    await limiter.clear('ada');
    expect(await limiter.check('ada', '192.0.2.1')).toEqual(ALLOWED);
  });

  test('a known device answers only for its own failures: nobody else’s lock the owner out there', async () => {
    const { limiter, fail } = loginLimiter();
    const device = `${DEVICE_SOURCE_PREFIX}owner-laptop`;
    await fail(ACCOUNT_ADDRESS_FAILURES_MAX, 'ada', DIRECT_ADDRESS);
    for (let i = 0; i < ACCOUNT_FAILURES_MAX; i++) await limiter.recordFailure('ada', `198.51.100.${i}`);
    expect((await limiter.check('ada', DIRECT_ADDRESS)).allowed).toBe(false);
    expect(await limiter.check('ada', device)).toEqual(ALLOWED);
    // Its own mistakes still count, against itself only.
    await fail(ACCOUNT_ADDRESS_FAILURES_MAX, 'ada', device);
    expect((await limiter.check('ada', device)).allowed).toBe(false);
    expect(await limiter.check('ada', `${DEVICE_SOURCE_PREFIX}owner-phone`)).toEqual(ALLOWED);
  });

  test('separate memory limiters do not share counts', async () => {
    const a = loginLimiter();
    const b = loginLimiter();
    await a.fail(ACCOUNT_ADDRESS_FAILURES_MAX, 'ada', 'lab');
    expect(await b.limiter.check('ada', 'lab')).toEqual(ALLOWED);
  });
});

describe('the memory store stays bounded', () => {
  test('keys whose window ended are dropped first', async () => {
    const count = failureCount(memoryStore(100), 'test', 5, 1000);
    for (let i = 0; i < 50; i++) await count.add(`old${i}`);
    pass(1000);
    for (let i = 0; i < 60; i++) await count.add(`new${i}`);
    expect(count.size).toBe(60);
  });

  test('a flood of live keys keeps at most the bound, forgetting the least recently failed', async () => {
    const count = failureCount(memoryStore(1000), 'test', 5, 60_000);
    for (let i = 0; i < 5; i++) await count.add('victim');
    expect(await count.wait('victim')).toBe(60);
    let largest = 0;
    for (let i = 0; i < 5000; i++) {
      await count.add(`flood${i}`);
      largest = Math.max(largest, count.size);
    }
    expect(largest).toBeLessThanOrEqual(1000);
    expect(count.size).toBeGreaterThanOrEqual(900);
    for (let i = 0; i < 4; i++) await count.add('flood4999');
    expect(await count.wait('flood4999')).toBe(60);
    expect(await count.wait('victim')).toBe(0);
  });
});

describe('SlidingWindow (the voter-id ration) stays bounded', () => {
  test('expired keys are dropped as new failures come in', () => {
    const window = new SlidingWindow(5, 1000, 100);
    for (let i = 0; i < 50; i++) window.record(`old${i}`, 0);
    for (let i = 0; i < 60; i++) window.record(`new${i}`, 1000);
    expect(window.size).toBe(60);
  });

  test('a flood of live keys keeps at most the bound, forgetting the least recently failed', () => {
    const window = new SlidingWindow(5, 60_000, 1000);
    for (let i = 0; i < 5; i++) window.record('victim', 0);
    let largest = 0;
    for (let i = 0; i < 100_000; i++) {
      window.record(`flood${i}`, 1);
      largest = Math.max(largest, window.size);
    }
    expect(largest).toBeLessThanOrEqual(1000);
    expect(window.size).toBeGreaterThanOrEqual(900);
    for (let i = 0; i < 5; i++) window.record('flood99999', 1);
    expect(window.retryAfterSeconds('flood99999', 2)).toBeGreaterThan(0);
    expect(window.retryAfterSeconds('victim', 2)).toBe(0);
  });
});

describe('the invite limiter', () => {
  test('rotating addresses gets no more than 100 wrong codes in 15 minutes in all (issue 10, finding 13)', async () => {
    const limiter = createInviteRateLimiter();
    let allowed = 0;
    for (let i = 0; i < 1000; i++) {
      const address = `198.51.${i >> 8}.${i & 255}`;
      if (!(await limiter.check(address)).allowed) continue;
      allowed += 1;
      await limiter.recordFailure(address);
    }
    expect(allowed).toBe(INVITE_GUESSES_GLOBAL_MAX);
    pass(LOGIN_WINDOW_MS);
    expect(await limiter.check('192.0.2.1')).toEqual(ALLOWED);
  });

  test('without a known address, only the limit for everyone applies', async () => {
    const limiter = createInviteRateLimiter();
    for (let i = 0; i < INVITE_GUESSES_MAX; i++) await limiter.recordFailure(DIRECT_ADDRESS);
    expect(await limiter.check(DIRECT_ADDRESS)).toEqual(ALLOWED);
    for (let i = INVITE_GUESSES_MAX; i < INVITE_GUESSES_GLOBAL_MAX; i++) await limiter.recordFailure(DIRECT_ADDRESS);
    expect((await limiter.check(DIRECT_ADDRESS)).allowed).toBe(false);
  });
});

describe('clientAddress', () => {
  const requestWith = (headers: Record<string, string>) => new Request('http://localhost/api/auth/login', { headers });

  test.each([
    ['no X-Forwarded-For', {}],
    ['one address', { 'x-forwarded-for': '203.0.113.7' }],
    ['a chain', { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }],
  ])('without TRUST_PROXY, %s is the direct address: the header is not believed', (_name, headers) => {
    expect(clientAddress(requestWith(headers), 0)).toBe(DIRECT_ADDRESS);
  });

  test.each([
    ['one address', 1, { 'x-forwarded-for': '203.0.113.7' }, '203.0.113.7'],
    ['a client-sent value before the proxy’s: the proxy’s entry counts', 1, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, '203.0.113.7'],
    ['two trusted proxies', 2, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' }, '203.0.113.7'],
    ['fewer entries than trusted proxies', 2, { 'x-forwarded-for': '203.0.113.7' }, DIRECT_ADDRESS],
    ['no header', 1, {}, DIRECT_ADDRESS],
    ['a blank entry', 1, { 'x-forwarded-for': '6.6.6.6, ' }, DIRECT_ADDRESS],
  ])('with TRUST_PROXY, %s', (_name, hops, headers, address) => {
    expect(clientAddress(requestWith(headers), hops)).toBe(address);
  });

  test.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['false', 0],
    ['yes', 0],
    ['true', 1],
    ['1', 1],
    ['2', 2],
    ['99', 10],
  ])('TRUST_PROXY=%j trusts %i proxies', (setting, hops) => {
    expect(trustedProxyHops(setting)).toBe(hops);
  });
});
