import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { configureConnection } from '../sqlite-connection';

/**
 * `npm run backup` and `npm run restore` (scripts/backup.mjs, scripts/restore.mjs) on a throwaway
 * database: a backup taken while a writer keeps committing is a consistent snapshot, and a restore
 * refuses a damaged file and a database in use, keeps the replaced database aside, and round-trips.
 */
const root = path.resolve(__dirname, '../../..');
let dir: string;
let file: string;

function run(script: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: dir, env: { ...process.env, DATABASE_URL: `file:${file}` } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

/** Each write is a point and its event in one transaction, as the app writes them. */
function writer(db: Database.Database, prefix: string) {
  const node = db.prepare("INSERT INTO Node (id, mapId, kind, text, updatedAt) VALUES (?, 'm1', 'claim', ?, 0)");
  const event = db.prepare("INSERT INTO MapEvent (mapId, type, data) VALUES ('m1', 'node.created', ?)");
  let n = 0;
  return db.transaction(() => {
    const id = `${prefix}${n++}`;
    node.run(id, `point ${id} ${'x'.repeat(200)}`);
    event.run(JSON.stringify({ node: { id } }));
  });
}

function counts(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const nodes = (db.prepare('SELECT count(*) AS n FROM Node').get() as { n: number }).n;
    const events = (db.prepare('SELECT count(*) AS n FROM MapEvent').get() as { n: number }).n;
    const lastNode = (db.prepare('SELECT max(rowid) AS n FROM Node').get() as { n: number }).n;
    return { nodes, events, lastNode, integrity: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'argmap-backup-test-'));
  file = path.join(dir, 'argmap.db');
  const migrate = spawnSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed: ${migrate.stderr}`);
  const db = new Database(file);
  db.prepare("INSERT INTO Document (id, slug, title, text) VALUES ('d1', 'doc', 'Doc', 'text')").run();
  db.prepare("INSERT INTO ArgumentMap (id, slug, title, documentId, updatedAt) VALUES ('m1', 'map', 'Map', 'd1', 0)").run();
  const write = writer(db, 'seed');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) write(); // a few MB, so the copy takes several steps
  })();
  db.close();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run backup / npm run restore', () => {
  test('a backup taken while writes continue is a consistent snapshot, and restore round-trips', async () => {
    const db = new Database(file);
    configureConnection(db);
    const write = writer(db, 'live');
    let writing = true;
    let during = 0;
    const loop = (async () => {
      while (writing) {
        write();
        during++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = path.join(dir, 'backups', 'snapshot.db');
    const result = await run('backup.mjs', [backup]);
    const atBackupEnd = during;
    await new Promise((r) => setTimeout(r, 100));
    writing = false;
    await loop;

    expect(result.output).toContain('integrity_check ok');
    expect(result.status).toBe(0);
    expect(atBackupEnd).toBeGreaterThan(0); // the writer really was writing while the copy ran
    const copy = counts(backup);
    expect(copy.integrity).toBe('ok');
    // Point and event were written together: a consistent copy has both or neither of each.
    expect(copy.events).toBe(copy.nodes);
    expect(copy.nodes).toBeGreaterThanOrEqual(5000);
    const live = counts(file);
    expect(live.nodes).toBeGreaterThan(copy.nodes); // writes went on after the snapshot

    // Refused while something has the database open (here: this test's own connection).
    const inUse = await run('restore.mjs', [backup]);
    expect(inUse.status).not.toBe(0);
    expect(inUse.output).toMatch(/is open in/);
    expect(counts(file).nodes).toBe(live.nodes);
    db.close();

    const restored = await run('restore.mjs', [backup]);
    expect(restored.status).toBe(0);
    const after = counts(file);
    expect(after).toEqual({ ...copy, integrity: 'ok' });

    // The replaced database was kept aside, and restoring it undoes the restore.
    const aside = readdirSync(dir).find((name) => name.startsWith('argmap.db.before-restore-'));
    expect(aside).toBeDefined();
    expect(counts(path.join(dir, aside!)).nodes).toBe(live.nodes);
    const undone = await run('restore.mjs', [path.join(dir, aside!)]);
    expect(undone.status).toBe(0);
    expect(counts(file).nodes).toBe(live.nodes);
  }, 60_000);

  test('restore refuses a damaged or foreign file and leaves the database as it was', async () => {
    const before = counts(file);
    const garbage = path.join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, just some text '.repeat(200));
    const bad = await run('restore.mjs', [garbage]);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/cannot be restored/);

    const foreign = path.join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const wrong = await run('restore.mjs', [foreign]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toMatch(/not an Argmap database/);

    expect(counts(file)).toEqual(before);
    expect(existsSync(`${file}.restoring`)).toBe(false);
  });

  test('backup refuses to overwrite an existing file', async () => {
    const target = path.join(dir, 'taken.db');
    writeFileSync(target, 'keep me');
    const result = await run('backup.mjs', [target]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/already exists/);
  });
});
