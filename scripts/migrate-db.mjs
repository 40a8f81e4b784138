// `npm run db:migrate`: applies the committed migrations to the database in DATABASE_URL — on
// SQLite with `prisma migrate deploy`, on PostgreSQL with scripts/migrate-postgres.mjs (which
// `migrate deploy` cannot replace there: Prisma issue #27403). `npm start` does this by itself.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defaultEnv, onPostgres, root } from './prepare-db.mjs';

defaultEnv();
if (onPostgres()) {
  const { migratePostgres } = await import('./migrate-postgres.mjs');
  await migratePostgres(process.env.DATABASE_URL).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
} else {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], { cwd: root, stdio: 'inherit', env: process.env });
  process.exit(result.status ?? 1);
}
