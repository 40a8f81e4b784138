import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import { cookieValue } from '../cookies';

const KEY = /^[A-Za-z0-9_-]{43}$/;
const GOOD = 'q'.repeat(43);
const withCookie = (cookie: string) => new Request('http://localhost/api/maps/demo', { headers: { cookie } });

describe('cookieValue', () => {
  test.each([
    ['the cookie alone', `argmap_session=${GOOD}`, GOOD],
    ['among others', `theme=dark; argmap_session=${GOOD}; argmap_voter=x`, GOOD],
    ['no Cookie header', '', null],
    ['another cookie only', `argmap_sessionx=${GOOD}`, null],
    ['too short', 'argmap_session=abc', null],
    ['a stray %', `argmap_session=${GOOD}%`, null],
    ['malformed percent-encoding', 'argmap_session=%E0%A4%A', null],
    ['a thousand %', `argmap_session=${'%'.repeat(1000)}`, null],
    ['a name without a value', 'argmap_session', null],
    ['percent-encoded characters of a key', `argmap_session=${'%71'.repeat(43)}`, GOOD],
    ['a malformed one beside a good one of another name', `argmap_voter=%zz; argmap_session=${GOOD}`, GOOD],
  ])('%s → %j', (_name, cookie, value) => {
    expect(cookieValue(withCookie(cookie), 'argmap_session', KEY)).toBe(value);
  });

  test('without a pattern, any value', () => {
    expect(cookieValue(withCookie('argmap_voter=a.b'), 'argmap_voter')).toBe('a.b');
  });

  test('a NextRequest’s own cookies are read, as route handlers get them', () => {
    const request = new NextRequest('http://localhost/api/maps/demo', { headers: { cookie: `argmap_session=${GOOD}` } });
    expect(cookieValue(request, 'argmap_session', KEY)).toBe(GOOD);
    expect(cookieValue(new NextRequest('http://localhost/', { headers: { cookie: 'argmap_session=%' } }), 'argmap_session', KEY)).toBeNull();
  });
});
