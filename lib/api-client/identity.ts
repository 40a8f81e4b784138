/**
 * What this browser tells the API about itself on every request (`lib/api-client/request.ts`):
 * two random ids kept in `localStorage` and the name it last signed with. Browser only.
 */

const CLIENT_KEY = 'argmap.client';
const OWNER_KEY = 'argmap.owner';
const AUTHOR_KEY = 'argmap.author';

/** A random id; `crypto.randomUUID` exists only on secure origins (not on http://192.168.x.y in class). */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function stored(key: string): string {
  let value = window.localStorage.getItem(key);
  if (!value) {
    value = randomId();
    window.localStorage.setItem(key, value);
  }
  return value;
}

/**
 * This browser's public id: it marks this browser's own changes in the live event stream, so they
 * are not echoed back as someone else's. Everyone on the map can see it; it grants nothing.
 */
export function browserKey(): string {
  return stored(CLIENT_KEY);
}

/**
 * This browser's secret key: it owns its anonymous comments. Never shown to others; only requests
 * send it. Anonymous votes are not owned by it but by the voter id the server keeps in an HttpOnly
 * cookie (lib/auth/voter.ts), which fetch sends by itself.
 */
export function ownerKey(): string {
  return stored(OWNER_KEY);
}

/** The display name this browser last signed its points with ('' until it has added one). */
export function rememberedName(): string {
  return window.localStorage.getItem(AUTHOR_KEY) ?? '';
}

export function rememberName(name: string): void {
  window.localStorage.setItem(AUTHOR_KEY, name);
}
