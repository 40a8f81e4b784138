/**
 * Seeds an empty database with the op-ed and its analysis. Run by `npm start` (and `npm run
 * db:seed`) after migrations. It only ever adds the op-ed map when no map of that slug exists,
 * so a restart never writes over what people added.
 */
import { readFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '../../generated/prisma-pg/client';
import { databaseFile, databaseKind, databaseUrl } from '../../lib/db/database-url';
import { SLUG_LOCK_KEY } from '../../lib/db/sql';
import { ArgmapSqliteAdapterFactory } from '../../lib/db/sqlite-connection';
import { buildGraphFromSpec } from '../../lib/argument/map-spec';
import { writeGraph } from '../../lib/db/write-graph';
import { ANALYST, NEGOTIATE_NOW_DOCUMENT, NEGOTIATE_NOW_MAP, negotiateNowSpec } from './negotiate-now';

/** The op-ed appeared in August 2009 (it speaks of Kim Dae-jung's death "last Tuesday", 18 August 2009). */
const NEGOTIATE_NOW_PUBLISHED = '2009-08';

export const NEGOTIATE_NOW_TEXT = readFileSync(new URL('./negotiate-now.txt', import.meta.url), 'utf8');

async function main() {
  const postgres = databaseKind() === 'postgresql';
  // The two generated clients have the same API (prisma/postgresql/schema.prisma is generated from prisma/schema.prisma).
  const prisma = postgres
    ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl() }) }) as unknown as PrismaClient)
    : new PrismaClient({ adapter: new ArgmapSqliteAdapterFactory(databaseFile()) });
  try {
    const existing = await prisma.argumentMap.findUnique({ where: { slug: NEGOTIATE_NOW_MAP.slug }, select: { id: true } });
    if (existing) {
      console.log(`Seed: map "${NEGOTIATE_NOW_MAP.slug}" exists; leaving it as it is.`);
      return;
    }
    const graph = buildGraphFromSpec(negotiateNowSpec, NEGOTIATE_NOW_TEXT, ANALYST);
    const added = await prisma.$transaction(async (tx) => {
      // Instances starting together on one PostgreSQL database: one seeds, the others find the map.
      if (postgres) {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SLUG_LOCK_KEY})`);
        if (await tx.argumentMap.findUnique({ where: { slug: NEGOTIATE_NOW_MAP.slug }, select: { id: true } })) return false;
      }
      const document =
        (await tx.document.findUnique({ where: { slug: NEGOTIATE_NOW_DOCUMENT.slug }, select: { id: true } })) ??
        (await tx.document.create({ data: { ...NEGOTIATE_NOW_DOCUMENT, published: NEGOTIATE_NOW_PUBLISHED, text: NEGOTIATE_NOW_TEXT }, select: { id: true } }));
      const map = await tx.argumentMap.create({
        data: { slug: NEGOTIATE_NOW_MAP.slug, title: NEGOTIATE_NOW_MAP.title, documentId: document.id },
        select: { id: true },
      });
      // Seed keys become ids prefixed by the map, so a copy of the map can reuse the same keys.
      await writeGraph(tx, map.id, graph, (_entity, key) => `${NEGOTIATE_NOW_MAP.slug}.${key}`);
      return true;
    });
    if (!added) {
      console.log(`Seed: map "${NEGOTIATE_NOW_MAP.slug}" exists; leaving it as it is.`);
      return;
    }
    console.log(`Seed: added "${NEGOTIATE_NOW_MAP.title}" (${graph.nodes.length} nodes).`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error) => {
  console.error('Seed failed:', error);
  process.exit(1);
});
