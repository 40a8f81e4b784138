import { describe, expect, test } from 'vitest';
import { configuredOrigin, publicOrigin } from '../public-origin';

/** A request as Next hands it to a route: `url` on the address the server listens on, whatever the class typed. */
function arriving(headers: Record<string, string>, url = 'http://localhost:3000/api/maps/m/brief') {
  return { headers: new Headers(headers), url };
}

describe('publicOrigin: the address links that leave the page use (issue 11: the downloaded brief linked to localhost)', () => {
  test.each([
    ['the Host the class typed, not the listening address', { host: '192.168.1.23:3000' }, {}, 'http://192.168.1.23:3000'],
    ['https when a proxy says so in X-Forwarded-Proto', { host: 'argmap.school.example', 'x-forwarded-proto': 'https' }, {}, 'https://argmap.school.example'],
    [
      'X-Forwarded-Host only behind a trusted proxy',
      { host: 'localhost:3000', 'x-forwarded-host': 'argmap.school.example, inner' },
      { TRUST_PROXY: '1' },
      'http://argmap.school.example',
    ],
    ['X-Forwarded-Host ignored without TRUST_PROXY', { host: '192.168.1.23:3000', 'x-forwarded-host': 'evil.example' }, {}, 'http://192.168.1.23:3000'],
    [
      'PUBLIC_URL over everything the request says',
      { host: '192.168.1.23:3000', 'x-forwarded-host': 'evil.example' },
      { PUBLIC_URL: 'https://argmap.school.example/', TRUST_PROXY: '1' },
      'https://argmap.school.example',
    ],
    ['a Host that is no host name falls back to the request URL', { host: 'bad host/"><script>' }, {}, 'http://localhost:3000'],
    ['an IPv6 host', { host: '[fd00::1]:3000' }, {}, 'http://[fd00::1]:3000'],
  ])('%s', (_name, headers, env, expected) => {
    expect(publicOrigin(arriving(headers), env)).toBe(expected);
  });

  test('without a URL or Host, localhost:3000', () => {
    expect(publicOrigin({ headers: new Headers() }, {})).toBe('http://localhost:3000');
  });

  test.each([
    ['https://argmap.example/', 'https://argmap.example'],
    ['  http://10.0.0.5:8080/class  ', 'http://10.0.0.5:8080'],
    ['ftp://argmap.example', null],
    ['argmap.example', null],
    ['', null],
    [undefined, null],
  ])('PUBLIC_URL %j → %j', (setting, origin) => {
    expect(configuredOrigin(setting)).toBe(origin);
  });
});
