import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { expectError } from './support/api';

// Accounts against the production server: sign up, sign in, sign out, and the sign-in rate limit.
// Every test makes its own usernames (unique per run), so none depends on another's accounts.
// Playwright's `request` fixture keeps cookies across calls within a test; a fresh identity gets its
// own context from `playwright.request.newContext()`.

const PASSWORD = 'correct horse battery';
const DAY_SECONDS = 24 * 60 * 60;
const USERNAME_RULE = 'Usernames are 3–32 letters, digits, dots, dashes or underscores.';

/** A username no other test (or earlier run) has used: lower-case, well under 32 characters. */
function uniqueName(label = 't'): string {
  return `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A client address of this test's own (sent as X-Forwarded-For, which the e2e server believes:
 * TRUST_PROXY), so the per-address sign-in limit counts only this test's failures, not the whole run's.
 */
function uniqueAddress(): Record<string, string> {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return { 'x-forwarded-for': `198.51.${octet()}.${octet()}` };
}

/** The raw `Set-Cookie` values of a response. */
function setCookies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
}

/** The one `argmap_session` `Set-Cookie` of a response: its value and its attributes (names lower-cased). */
function sessionCookieOf(response: APIResponse) {
  const cookies = setCookies(response).filter((c) => c.startsWith('argmap_session='));
  expect(cookies, 'one argmap_session cookie').toHaveLength(1);
  const [pair, ...rest] = cookies[0].split(';').map((p) => p.trim());
  const attributes = new Map<string, string | true>(
    rest.map((a) => {
      const eq = a.indexOf('=');
      return eq === -1 ? [a.toLowerCase(), true] : [a.slice(0, eq).toLowerCase(), a.slice(eq + 1)];
    }),
  );
  return { raw: cookies[0], value: pair.slice('argmap_session='.length), attributes };
}

async function signup(request: APIRequestContext, username: string, password = PASSWORD): Promise<APIResponse> {
  const response = await request.post('/api/auth/signup', { data: { username, password } });
  expect(response.status(), await response.text()).toBe(201);
  return response;
}

type Me = { user: { id: string; username: string } | null };

/** GET /api/auth/me, expecting 200; `headers` can carry an explicit Cookie. */
async function me(request: APIRequestContext, headers?: Record<string, string>): Promise<Me> {
  const response = await request.get('/api/auth/me', { headers });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Me;
}

const login = (request: APIRequestContext, username: string, password: string, headers?: Record<string, string>) =>
  request.post('/api/auth/login', { data: { username, password }, headers });

test.describe('POST /api/auth/signup', () => {
  test('creates the account and signs in with an HttpOnly, SameSite=Lax session cookie', async ({ request }) => {
    const username = uniqueName();
    // Usernames are trimmed and lower-cased.
    const response = await signup(request, `  ${username.toUpperCase()} `);
    expect(await response.json()).toEqual({ user: { id: expect.any(String), username } });

    const cookie = sessionCookieOf(response);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes.get('httponly'), cookie.raw).toBe(true);
    expect(cookie.attributes.get('samesite'), cookie.raw).toBe('Lax');
    expect(cookie.attributes.get('path'), cookie.raw).toBe('/');
    expect(Number(cookie.attributes.get('max-age')), cookie.raw).toBeGreaterThan(14 * DAY_SECONDS - 60);
    // Served over plain http, as from a teacher's laptop on the LAN: a Secure cookie would be dropped.
    expect(cookie.attributes.has('secure'), cookie.raw).toBe(false);

    expect((await me(request)).user).toEqual({ id: expect.any(String), username });
  });

  test('refuses a taken username with 409 at ["username"], whatever its case, and signs no one in', async ({ request, playwright, baseURL }) => {
    const username = uniqueName();
    await signup(request, username);
    const other = await playwright.request.newContext({ baseURL });
    const response = await other.post('/api/auth/signup', { data: { username: username.toUpperCase(), password: 'another password' } });
    expect(setCookies(response)).toEqual([]);
    const body = await expectError(response, 409, ['username']);
    expect(body.error).toEqual({ message: 'That username is taken.', issues: [{ path: ['username'], message: 'That username is taken.' }] });
    expect((await me(other)).user).toBeNull();
    // The first account's password still works: the refused sign-up changed nothing.
    expect((await login(other, username, PASSWORD)).status()).toBe(200);
    await other.dispose();
  });

  const invalid: [string, unknown, (string | number)[], string][] = [
    ['a short username', { username: 'ab', password: PASSWORD }, ['username'], USERNAME_RULE],
    ['a username with a space', { username: 'ms lee', password: PASSWORD }, ['username'], USERNAME_RULE],
    ['a missing username', { password: PASSWORD }, ['username'], 'Enter a username.'],
    ['a short password', { username: uniqueName(), password: 'short' }, ['password'], 'Use at least 8 characters.'],
    ['a missing password', { username: uniqueName() }, ['password'], 'Enter a password.'],
    ['an extra field', { username: uniqueName(), password: PASSWORD, role: 'owner' }, [], '“role” is not a field here.'],
  ];
  for (const [name, data, path, message] of invalid) {
    test(`refuses ${name} with 400 at ${JSON.stringify(path)}`, async ({ request }) => {
      const response = await request.post('/api/auth/signup', { data });
      expect(setCookies(response)).toEqual([]);
      const body = await expectError(response, 400, path);
      expect(body.error.issues).toContainEqual({ path, message });
    });
  }

  test('refuses a body that is not JSON', async ({ request }) => {
    await expectError(await request.post('/api/auth/signup', { headers: { 'content-type': 'application/json' }, data: '{"username":' }), 400);
    await expectError(await request.post('/api/auth/signup', { form: { username: uniqueName(), password: PASSWORD } }), 415);
  });
});

test.describe('sessions: /api/auth/me and POST /api/auth/logout', () => {
  test('without a session, /me answers user: null and logout is still fine', async ({ request }) => {
    expect(await me(request)).toEqual({ user: null });
    expect(await me(request, { cookie: 'argmap_session=not-a-real-token' })).toEqual({ user: null });
    const response = await request.post('/api/auth/logout');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  test('logout revokes the session: the cookie is cleared and the old token no longer works', async ({ request, playwright, baseURL }) => {
    const username = uniqueName();
    const token = sessionCookieOf(await signup(request, username)).value;
    const stranger = await playwright.request.newContext({ baseURL });
    const withToken = { cookie: `argmap_session=${token}` };
    // The token alone signs in, from any client, until logout…
    expect((await me(stranger, withToken)).user?.username).toBe(username);

    const response = await request.post('/api/auth/logout');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const cleared = sessionCookieOf(response);
    expect(cleared.value).toBe('');
    expect(cleared.attributes.get('max-age')).toBe('0');
    expect(cleared.attributes.get('httponly')).toBe(true);

    expect(await me(request)).toEqual({ user: null });
    // …and not after: the server revoked it, so replaying the old cookie signs no one in.
    expect(await me(stranger, withToken)).toEqual({ user: null });
    await stranger.dispose();
  });
});

test.describe('POST /api/auth/login', () => {
  test('signs in with the right password, with a new session each time', async ({ request, playwright, baseURL }) => {
    const username = uniqueName();
    const first = sessionCookieOf(await signup(request, username)).value;
    const browser = await playwright.request.newContext({ baseURL });
    const response = await login(browser, ` ${username.toUpperCase()}`, PASSWORD, uniqueAddress());
    expect(response.status(), await response.text()).toBe(200);
    expect(await response.json()).toEqual({ user: { id: expect.any(String), username } });
    const cookie = sessionCookieOf(response);
    expect(cookie.value).not.toBe(first);
    expect(cookie.attributes.get('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Lax');
    expect((await me(browser)).user?.username).toBe(username);
    // Signing in elsewhere leaves the first browser signed in.
    expect((await me(request)).user?.username).toBe(username);
    await browser.dispose();
  });

  test('refuses a wrong password and an unknown username alike, with 401', async ({ request, playwright, baseURL }) => {
    const username = uniqueName();
    await signup(request, username);
    const browser = await playwright.request.newContext({ baseURL });
    const address = uniqueAddress();
    for (const [who, password] of [
      [username, 'wrong password'],
      [uniqueName('nobody'), PASSWORD],
    ]) {
      const response = await login(browser, who, password, address);
      expect(setCookies(response)).toEqual([]);
      const body = await expectError(response, 401);
      expect(body.error).toEqual({ message: 'Wrong username or password.', issues: [] });
    }
    expect(await me(browser)).toEqual({ user: null });
    await browser.dispose();
  });

  test('refuses invalid bodies with 400 at the field', async ({ request }) => {
    await expectError(await login(request, 'x', PASSWORD), 400, ['username']);
    await expectError(await login(request, uniqueName(), ''), 400, ['password']);
  });

  test('after 5 wrong passwords from an address the account is refused there with 429 and Retry-After, even with the right password', async ({
    request,
    playwright,
    baseURL,
  }) => {
    const username = uniqueName();
    const other = uniqueName();
    await signup(request, username);
    await signup(request, other);
    const browser = await playwright.request.newContext({ baseURL });
    const address = uniqueAddress();

    for (let attempt = 1; attempt <= 5; attempt++) {
      await expectError(await login(browser, username, `wrong password ${attempt}`, address), 401);
    }
    const limited = await login(browser, username, 'wrong password 6', address);
    const body = await expectError(limited, 429);
    expect(body.error.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
    const retryAfter = Number(limited.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // The right password is refused too from that address, until the window passes…
    await expectError(await login(browser, username, PASSWORD, address), 429);
    expect(await me(browser)).toEqual({ user: null });
    // …but someone else's guesses do not lock the account's owner out: at their own address they sign in.
    const owner = await playwright.request.newContext({ baseURL });
    const ownLogin = await login(owner, username, PASSWORD, uniqueAddress());
    expect(ownLogin.status(), await ownLogin.text()).toBe(200);
    await owner.dispose();

    // The limit is the account's: another account signs in from the same address.
    const response = await login(browser, other, PASSWORD, address);
    expect(response.status(), await response.text()).toBe(200);
    await browser.dispose();
  });

  test('after 30 failures from one address, that address is refused for every account', async ({ request, playwright, baseURL }) => {
    const username = uniqueName();
    await signup(request, username);
    const browser = await playwright.request.newContext({ baseURL });
    const address = uniqueAddress();
    // Thirty different (unknown) accounts, so no account limit is reached on the way.
    for (let i = 0; i < 30; i++) {
      await expectError(await login(browser, uniqueName(`guess${i}x`), PASSWORD, address), 401);
    }
    const limited = await login(browser, username, PASSWORD, address);
    await expectError(limited, 429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    // A school next door (another address) is unaffected.
    const response = await login(browser, username, PASSWORD, uniqueAddress());
    expect(response.status(), await response.text()).toBe(200);
    await browser.dispose();
  });
});

test.describe('the sign-in page', () => {
  test('sign up through /signin, land on "/", see the username in the account menu, sign out', async ({ page }) => {
    const username = uniqueName();
    await page.goto('/');
    const signIn = page.getByTestId('account.signin');
    await expect(signIn).toBeVisible();
    await expect(signIn).toHaveAttribute('href', '/signin?next=%2F');
    await signIn.click();
    await expect(page).toHaveURL(/\/signin\?next=%2F$/);
    await expect(page.getByText('Teachers use an account to make class copies of a map and invite students')).toBeVisible();

    await page.getByRole('tab', { name: 'Create an account' }).click();
    // Checked in the browser first: inline, per field.
    await page.getByTestId('signup.username').fill('a b');
    await page.getByTestId('signup.password').fill('short');
    await page.getByTestId('signup.submit').click();
    await expect(page.getByTestId('signup.username-error')).toHaveText(USERNAME_RULE);
    await expect(page.getByTestId('signup.password-error')).toHaveText('Use at least 8 characters.');
    await expect(page.getByTestId('signup.username')).toBeFocused();

    await page.getByTestId('signup.username').fill(username);
    await page.getByTestId('signup.password').fill(PASSWORD);
    await page.getByTestId('signup.submit').click();

    await expect(page).toHaveURL(/\/$/);
    const menu = page.getByTestId('account.menu');
    await expect(menu).toContainText(username);
    await menu.click();
    await page.getByTestId('account.signout').click();
    await expect(page.getByTestId('account.signin')).toBeVisible();
    await expect(menu).toHaveCount(0);
    expect(await me(page.request)).toEqual({ user: null });
  });

  test('sign in shows the server’s refusals inline, and never follows a link off the site', async ({ page, request }) => {
    const username = uniqueName();
    await signup(request, username);

    await page.goto('/signin?next=//evil.example/phish');
    // Enabled once React has hydrated the page (before that, a native submit could leak the password).
    await expect(page.getByTestId('signin.submit')).toBeEnabled();
    // A taken username, from the server, at its field.
    await page.getByRole('tab', { name: 'Create an account' }).click();
    await page.getByTestId('signup.username').fill(username);
    await page.getByTestId('signup.password').fill(PASSWORD);
    await page.getByTestId('signup.submit').click();
    await expect(page.getByTestId('signup.username-error')).toHaveText('That username is taken.');

    await page.getByRole('tab', { name: 'Sign in' }).click();
    await page.getByTestId('signin.username').fill(username);
    await page.getByTestId('signin.password').fill('wrong password');
    await page.getByTestId('signin.submit').click();
    await expect(page.getByTestId('signin.error')).toHaveText('Wrong username or password.');

    await page.getByTestId('signin.password').fill(PASSWORD);
    await page.getByTestId('signin.submit').click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
    await expect(page.getByTestId('account.menu')).toContainText(username);
  });
});
