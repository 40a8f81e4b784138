/**
 * Seeds an empty database with the op-ed and its analysis. Run by `npm start` (and `npm run
 * db:seed`) after migrations. It only ever adds the op-ed map when no map of that slug exists,
 * so a restart never writes over what people added.
 */
import { readFileSync } from 'node:fs';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client';
import { databaseUrl } from '../../lib/db/database-url';
import { buildGraphFromSpec } from '../../lib/argument/map-spec';
import { ANALYST, NEGOTIATE_NOW_DOCUMENT, NEGOTIATE_NOW_MAP, negotiateNowSpec } from './negotiate-now';

export const NEGOTIATE_NOW_TEXT = readFileSync(new URL('./negotiate-now.txt', import.meta.url), 'utf8');

async function main() {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });
  try {
    const existing = await prisma.argumentMap.findUnique({ where: { slug: NEGOTIATE_NOW_MAP.slug }, select: { id: true } });
    if (existing) {
      console.log(`Seed: map "${NEGOTIATE_NOW_MAP.slug}" exists; leaving it as it is.`);
      return;
    }
    const graph = buildGraphFromSpec(negotiateNowSpec, NEGOTIATE_NOW_TEXT, ANALYST);
    await prisma.$transaction(async (tx) => {
      const document =
        (await tx.document.findUnique({ where: { slug: NEGOTIATE_NOW_DOCUMENT.slug }, select: { id: true } })) ??
        (await tx.document.create({ data: { ...NEGOTIATE_NOW_DOCUMENT, text: NEGOTIATE_NOW_TEXT }, select: { id: true } }));
      const map = await tx.argumentMap.create({
        data: { slug: NEGOTIATE_NOW_MAP.slug, title: NEGOTIATE_NOW_MAP.title, documentId: document.id },
        select: { id: true },
      });
      // Seed keys become ids prefixed by the map, so a copy of the map can reuse the same keys.
      const idOf = (key: string) => `${NEGOTIATE_NOW_MAP.slug}.${key}`;
      const start = Date.now();
      for (const [i, node] of graph.nodes.entries()) {
        await tx.node.create({
          data: {
            id: idOf(node.id),
            mapId: map.id,
            kind: node.kind,
            text: node.text,
            quoteStart: node.quote?.start ?? null,
            quoteEnd: node.quote?.end ?? null,
            quoteText: node.quote?.text ?? null,
            implicit: node.implicit,
            author: node.author,
            // Distinct creation times keep the seeded order stable when nodes are listed.
            createdAt: new Date(start + i),
          },
        });
      }
      for (const [i, inference] of graph.inferences.entries()) {
        await tx.inference.create({
          data: {
            id: idOf(inference.id),
            mapId: map.id,
            conclusionId: idOf(inference.conclusion),
            scheme: inference.scheme,
            createdAt: new Date(start + i),
            premises: { create: inference.premises.map((p, position) => ({ nodeId: idOf(p), position })) },
          },
        });
      }
      for (const [i, conflict] of graph.conflicts.entries()) {
        await tx.conflict.create({
          data: {
            id: idOf(conflict.id),
            mapId: map.id,
            attackerId: idOf(conflict.attacker),
            targetNodeId: 'node' in conflict.target ? idOf(conflict.target.node) : null,
            targetInferenceId: 'inference' in conflict.target ? idOf(conflict.target.inference) : null,
            createdAt: new Date(start + i),
          },
        });
      }
    });
    console.log(`Seed: added "${NEGOTIATE_NOW_MAP.title}" (${graph.nodes.length} nodes).`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error) => {
  console.error('Seed failed:', error);
  process.exit(1);
});
