import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

function run(script: string, args: string[], database = file): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', script), ...args], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: `file:${database}` },
    });
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

  test('a restore through a symlink to a database a server has open is refused, and the write it acknowledged stays', async () => {
    const link = path.join(dir, 'link.db');
    symlinkSync(file, link);
    const backup = path.join(dir, 'backups', 'via-link.db');
    expect((await run('backup.mjs', [backup], link)).status).toBe(0);

    // The server opened the database through the link, and acknowledged a write.
    const server = new Database(link);
    configureConnection(server);
    writer(server, 'acknowledged')();
    const acknowledged = counts(link);
    const refused = await run('restore.mjs', [backup], link);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toMatch(/is open in/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    writer(server, 'after')(); // the server keeps writing to the file the link names
    server.close();
    expect(counts(link).nodes).toBe(acknowledged.nodes + 1);

    // Stopped, the restore replaces the file the link names, and the link stays a link.
    const restored = await run('restore.mjs', [backup], link);
    expect(restored.output).toContain('integrity_check ok');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(counts(file)).toEqual(counts(backup));
    rmSync(link);
  });

  test('cannot tell whether the database is open (no /proc to read) is a refusal', () => {
    const probe = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { refusalIfInUse } from ${JSON.stringify(path.join(root, 'scripts', 'sqlite-files.mjs'))}; console.log(JSON.stringify([refusalIfInUse(${JSON.stringify(file)}, { proc: ${JSON.stringify(path.join(dir, 'no-proc'))} }), refusalIfInUse(${JSON.stringify(file)})]));`,
      ],
      { encoding: 'utf8' },
    );
    const [withoutProc, withProc] = JSON.parse(probe.stdout) as [string | null, string | null];
    expect(withoutProc).toMatch(/cannot see which processes/);
    expect(withProc).toBeNull();
  });

  test('a database open in a process /proc does not show is still found: SQLite holds it locked', () => {
    // Another process (this test) has it open; the probe runs in a child and asks SQLite alone.
    const server = new Database(file);
    configureConnection(server);
    server.prepare('SELECT count(*) FROM Node').get(); // a server that has answered a request
    try {
      const probe = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { lockProbe } from ${JSON.stringify(path.join(root, 'scripts', 'sqlite-files.mjs'))}; console.log(lockProbe(${JSON.stringify(file)}));`,
        ],
        { encoding: 'utf8' },
      );
      expect(probe.stdout.trim()).toBe('open');
    } finally {
      server.close();
    }
  });

  test('no -wal or -shm file is left beside a backup or the copies a restore makes', async () => {
    const server = new Database(file);
    configureConnection(server); // the live database in WAL mode, as the app keeps it
    const backup = path.join(dir, 'side-files', 'copy.db');
    const result = await run('backup.mjs', [backup]);
    server.close();
    expect(result.status).toBe(0);
    expect(readdirSync(path.dirname(backup))).toEqual(['copy.db']);
    expect((await run('restore.mjs', [backup])).status).toBe(0);
    expect(readdirSync(dir).filter((name) => /-(wal|shm)$/.test(name))).toEqual([]);
    expect(readdirSync(path.dirname(backup))).toEqual(['copy.db']);
  });

  test('backup does not delete a <target>.partial it did not make', async () => {
    const target = path.join(dir, 'busy.db');
    writeFileSync(`${target}.partial`, 'another backup is writing this');
    const result = await run('backup.mjs', [target]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/busy\.db\.partial exists/);
    expect(readFileSync(`${target}.partial`, 'utf8')).toBe('another backup is writing this');
    expect(existsSync(target)).toBe(false);
  });

  test('backup refuses to overwrite an existing file', async () => {
    const target = path.join(dir, 'taken.db');
    writeFileSync(target, 'keep me');
    const result = await run('backup.mjs', [target]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/already exists/);
  });
});
