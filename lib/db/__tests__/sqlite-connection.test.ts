import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { ArgmapSqliteAdapterFactory, connectionPragmas, synchronousLevel } from '../sqlite-connection';

const root = path.resolve(__dirname, '../../..');
let dir: string;
let file: string;

/** A migrated throwaway database with one document and one map to hang nodes on. */
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'argmap-conn-test-'));
  file = path.join(dir, 'test.db');
  const migrate = spawnSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed: ${migrate.stderr}`);
  const raw = new Database(file);
  raw.prepare("INSERT INTO Document (id, slug, title, text) VALUES ('d1', 'doc', 'Doc', 'text')").run();
  raw.prepare("INSERT INTO ArgumentMap (id, slug, title, documentId, updatedAt) VALUES ('m1', 'map', 'Map', 'd1', 0)").run();
  raw.close();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function client(synchronous: 'NORMAL' | 'FULL' = 'NORMAL') {
  return new PrismaClient({ adapter: new ArgmapSqliteAdapterFactory(file, synchronous) });
}

const nodeData = (id: string) => ({ id, mapId: 'm1', kind: 'claim', text: id });

describe('synchronousLevel', () => {
  test.each([
    [undefined, 'NORMAL'],
    ['', 'NORMAL'],
    ['normal', 'NORMAL'],
    ['OFF', 'NORMAL'],
    ['FULL', 'FULL'],
    [' full ', 'FULL'],
  ])('SQLITE_SYNCHRONOUS=%j → %s', (value, level) => {
    expect(synchronousLevel(value === undefined ? {} : { SQLITE_SYNCHRONOUS: value })).toBe(level);
  });
});

describe('ArgmapSqliteAdapterFactory', () => {
  test.each([
    ['NORMAL', 1],
    ['FULL', 2],
  ] as const)('sets WAL, synchronous %s, busy_timeout ≥ 5 s and foreign keys on the connection', async (level, expected) => {
    expect(connectionPragmas(level)).toContain(`synchronous = ${level}`);
    const prisma = client(level);
    try {
      const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [sync] = await prisma.$queryRawUnsafe<{ synchronous: bigint }[]>('PRAGMA synchronous');
      const [busy] = await prisma.$queryRawUnsafe<{ timeout: bigint }[]>('PRAGMA busy_timeout');
      const [fk] = await prisma.$queryRawUnsafe<{ foreign_keys: bigint }[]>('PRAGMA foreign_keys');
      expect(mode.journal_mode).toBe('wal');
      expect(Number(sync.synchronous)).toBe(expected);
      expect(Number(busy.timeout)).toBeGreaterThanOrEqual(5000);
      expect(Number(fk.foreign_keys)).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });

  test('a query from elsewhere waits for an open transaction: it neither reads its uncommitted rows nor is rolled back with it', async () => {
    const prisma = client();
    try {
      let outsideRead: number | undefined;
      let outsideWrite: Promise<unknown> | undefined;
      const failing = prisma.$transaction(async (tx) => {
        await tx.node.create({ data: nodeData('uncommitted') });
        // Another request's queries, issued while this transaction is open.
        const read = prisma.node.count({ where: { id: 'uncommitted' } }).then((n) => (outsideRead = n));
        outsideWrite = prisma.node.create({ data: nodeData('acknowledged') });
        await new Promise((r) => setTimeout(r, 50));
        expect(outsideRead).toBeUndefined(); // still waiting for this transaction
        void read;
        throw new Error('roll back');
      });
      await expect(failing).rejects.toThrow('roll back');
      await outsideWrite;
      expect(outsideRead).toBe(0);
      expect(await prisma.node.count({ where: { id: 'uncommitted' } })).toBe(0);
      expect(await prisma.node.count({ where: { id: 'acknowledged' } })).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });

  test('a transaction takes the write lock at BEGIN, so another writer cannot make it fail half-way', async () => {
    const prisma = client();
    const other = new Database(file);
    other.pragma('busy_timeout = 5000');
    try {
      let otherWrote = false;
      await prisma.$transaction(async (tx) => {
        await tx.node.count(); // a read first: with a deferred BEGIN this would hold only a read snapshot
        // Another process tries to write meanwhile. With BEGIN IMMEDIATE it cannot get the lock.
        expect(() => {
          other.pragma('busy_timeout = 0');
          other.prepare("INSERT INTO Node (id, mapId, kind, text, updatedAt) VALUES ('other', 'm1', 'claim', 'other', 0)").run();
          otherWrote = true;
        }).toThrow(/busy|locked/i);
        await tx.node.create({ data: nodeData('after-read') });
      });
      expect(otherWrote).toBe(false);
      expect(await prisma.node.count({ where: { id: 'after-read' } })).toBe(1);
    } finally {
      other.close();
      await prisma.$disconnect();
    }
  });
});
