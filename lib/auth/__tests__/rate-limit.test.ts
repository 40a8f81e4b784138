import { describe, expect, test } from 'vitest';
import { ACCOUNT_FAILURES_MAX, ADDRESS_FAILURES_MAX, LOGIN_WINDOW_MS, clientAddress, createLoginRateLimiter } from '../rate-limit';

const MINUTE = 60 * 1000;

/** A limiter on a clock the test moves by hand. */
function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const limiter = createLoginRateLimiter({ now: () => clock.now });
  const fail = (times: number, username: string, address: string) => {
    for (let i = 0; i < times; i++) limiter.recordFailure(username, address);
  };
  return { clock, limiter, fail };
}

describe('the login rate limiter', () => {
  test('the limits are 5 failures per account and 30 per address, in 15 minutes', () => {
    expect([ACCOUNT_FAILURES_MAX, ADDRESS_FAILURES_MAX, LOGIN_WINDOW_MS]).toEqual([5, 30, 15 * MINUTE]);
  });

  test('allows an account that has never failed', () => {
    expect(limiterAt().limiter.check('ada', 'local')).toEqual({ allowed: true });
  });

  test('allows an account with 4 failures, refuses it after the 5th for the whole window', () => {
    const { limiter, fail } = limiterAt();
    fail(ACCOUNT_FAILURES_MAX - 1, 'ada', '10.0.0.1');
    expect(limiter.check('ada', '10.0.0.1')).toEqual({ allowed: true });
    fail(1, 'ada', '10.0.0.1');
    expect(limiter.check('ada', '10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  test('refuses the account from any address, and leaves other accounts alone', () => {
    const { limiter, fail } = limiterAt();
    fail(ACCOUNT_FAILURES_MAX, 'ada', '10.0.0.1');
    expect(limiter.check('ada', '10.0.0.2').allowed).toBe(false);
    expect(limiter.check('grace', '10.0.0.1')).toEqual({ allowed: true });
  });

  test('the window slides: the account is allowed again once its oldest failure is 15 minutes old', () => {
    const { clock, limiter, fail } = limiterAt();
    fail(1, 'ada', 'local'); // t = 0
    clock.now += 5 * MINUTE;
    fail(4, 'ada', 'local'); // t = 5 min
    expect(limiter.check('ada', 'local')).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
    clock.now += 10 * MINUTE - 1000;
    expect(limiter.check('ada', 'local')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1000;
    // The first failure aged out; four remain, so one more attempt may go ahead…
    expect(limiter.check('ada', 'local')).toEqual({ allowed: true });
    // …and failing it refuses again until the t = 5 min failures age out.
    fail(1, 'ada', 'local');
    expect(limiter.check('ada', 'local')).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
    clock.now += 5 * MINUTE;
    expect(limiter.check('ada', 'local')).toEqual({ allowed: true });
  });

  test('Retry-After is rounded up to whole seconds and is never 0 while refused', () => {
    const { clock, limiter, fail } = limiterAt();
    fail(ACCOUNT_FAILURES_MAX, 'ada', 'local');
    clock.now += LOGIN_WINDOW_MS - 1;
    expect(limiter.check('ada', 'local')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1;
    expect(limiter.check('ada', 'local')).toEqual({ allowed: true });
  });

  test('refuses an address after 30 failures across many accounts, and not before', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < ADDRESS_FAILURES_MAX - 1; i++) limiter.recordFailure(`student${i}`, '203.0.113.7');
    expect(limiter.check('newcomer', '203.0.113.7')).toEqual({ allowed: true });
    limiter.recordFailure('student-last', '203.0.113.7');
    expect(limiter.check('newcomer', '203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
    expect(limiter.check('newcomer', '203.0.113.8')).toEqual({ allowed: true });
  });

  test('a success clears the account’s failures but not the address’s', () => {
    const { limiter, fail } = limiterAt();
    fail(ADDRESS_FAILURES_MAX - ACCOUNT_FAILURES_MAX, 'grace', 'school');
    fail(ACCOUNT_FAILURES_MAX, 'ada', 'school');
    expect(limiter.check('ada', 'elsewhere').allowed).toBe(false);
    limiter.clear('ada');
    expect(limiter.check('ada', 'elsewhere')).toEqual({ allowed: true });
    expect(limiter.check('ada', 'school').allowed).toBe(false);
  });

  test('with an address, a success withdraws only the one failure recorded for that attempt', () => {
    const { limiter, fail } = limiterAt();
    fail(ADDRESS_FAILURES_MAX - 1, 'grace', 'school');
    // authenticate() counts the attempt before checking the password…
    limiter.recordFailure('ada', 'school');
    expect(limiter.check('someone', 'school').allowed).toBe(false);
    // …and withdraws it when the password was right.
    limiter.clear('ada', 'school');
    expect(limiter.check('someone', 'school')).toEqual({ allowed: true });
    limiter.recordFailure('someone', 'school');
    expect(limiter.check('someone', 'school').allowed).toBe(false);
  });

  test('the longer wait decides when both the account and the address are refused', () => {
    const { clock, limiter, fail } = limiterAt();
    fail(ADDRESS_FAILURES_MAX - ACCOUNT_FAILURES_MAX, 'others', 'lab');
    clock.now += 5 * MINUTE;
    fail(ACCOUNT_FAILURES_MAX, 'ada', 'lab');
    expect(limiter.check('ada', 'lab')).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  test('separate limiters do not share counts', () => {
    const a = limiterAt();
    const b = limiterAt();
    a.fail(ACCOUNT_FAILURES_MAX, 'ada', 'local');
    expect(b.limiter.check('ada', 'local')).toEqual({ allowed: true });
  });
});

describe('clientAddress', () => {
  const requestWith = (headers: Record<string, string>) => new Request('http://localhost/api/auth/login', { headers });

  test.each([
    ['no X-Forwarded-For', {}, 'local'],
    ['one address', { 'x-forwarded-for': '203.0.113.7' }, '203.0.113.7'],
    ['a chain of proxies: the first is the client', { 'x-forwarded-for': '203.0.113.7, 10.0.0.1, 10.0.0.2' }, '203.0.113.7'],
    ['an empty header', { 'x-forwarded-for': '' }, 'local'],
    ['a blank first value', { 'x-forwarded-for': ' , 10.0.0.1' }, 'local'],
  ])('%s → %j', (_name, headers, address) => {
    expect(clientAddress(requestWith(headers))).toBe(address);
  });
});
