import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseFile, databaseKind } from '../db/database-url';
import { postgresPool } from '../db/client';

/** The secret's file, beside the database, so a restart keeps every cookie the server signed. */
const SECRET_FILE = 'argmap-secret';
/** The shortest secret accepted, from `ARGMAP_SECRET` or the file. */
const SECRET_MIN_LENGTH = 32;

const globalForSecret = globalThis as unknown as { argmapServerSecret?: Buffer };

/**
 * The key that signs what the server hands browsers to keep (voter ids, known-device tokens):
 * `ARGMAP_SECRET` when set (at least 32 characters), else a random key kept in a file beside the
 * database (made on first use, readable by its owner only), else — when that cannot be written —
 * one for this process alone (a restart then forgets what it signed). On PostgreSQL every instance
 * must sign alike: the key is kept in the database instead, loaded at start ({@link loadSharedSecret}).
 */
function serverSecret(): Buffer {
  if (globalForSecret.argmapServerSecret) return globalForSecret.argmapServerSecret;
  const configured = process.env.ARGMAP_SECRET?.trim();
  let key: Buffer;
  if (configured && configured.length >= SECRET_MIN_LENGTH) {
    key = Buffer.from(configured);
  } else {
    try {
      const file = path.join(path.dirname(databaseFile()), SECRET_FILE);
      if (!existsSync(file)) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
      }
      key = Buffer.from(readFileSync(file, 'utf8').trim());
      if (key.length < SECRET_MIN_LENGTH) throw new Error('server secret too short');
    } catch {
      key = randomBytes(32);
    }
  }
  globalForSecret.argmapServerSecret = key;
  return key;
}

/**
 * On PostgreSQL without `ARGMAP_SECRET`: loads the key every instance shares from the database,
 * making it on first start (the first instance's insert wins; the others read it). Called once at
 * start (instrumentation.ts), before any request is served.
 */
export async function loadSharedSecret(): Promise<void> {
  if (databaseKind() !== 'postgresql' || (process.env.ARGMAP_SECRET?.trim().length ?? 0) >= SECRET_MIN_LENGTH) return;
  const pool = (await postgresPool())!;
  // The table comes with the migrations (prisma/postgresql/migrations/20261205120000_server_secret).
  await pool.query('INSERT INTO "_argmap_secret" ("id", "key") VALUES (1, $1) ON CONFLICT ("id") DO NOTHING', [randomBytes(32).toString('base64url')]);
  const { rows } = await pool.query<{ key: string }>('SELECT "key" FROM "_argmap_secret" WHERE "id" = 1');
  globalForSecret.argmapServerSecret = Buffer.from(rows[0].key);
}

/** The server's signature of `message`: 43 characters of base64url (HMAC-SHA256). */
export function sign(message: string): string {
  return createHmac('sha256', serverSecret()).update(message).digest('base64url');
}

/** Whether `signature` is the server's signature of `message` (compared in constant time). */
export function signedByServer(message: string, signature: string): boolean {
  const expected = Buffer.from(sign(message));
  const sent = Buffer.from(signature);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
