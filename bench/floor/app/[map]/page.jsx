import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { FloorCanvas } from '../floor-canvas';

/** Fixture names bench/floor.ts writes (see bench/support/floor.ts). */
const MAPS = new Set(['op-ed', 'synthetic-1000']);

// GET /<map>[?culled=1] — one map's fixture, drawn with stock React Flow nodes (culled: only the ones in view).
export default async function FloorPage({ params, searchParams }) {
  // Rendered per request, as Argmap's map page is.
  await connection();
  const { map } = await params;
  const { culled } = await searchParams;
  if (!MAPS.has(map)) notFound();
  const dir = process.env.FLOOR_DATA_DIR || path.join(process.cwd(), '.data');
  const fixture = JSON.parse(await readFile(path.join(dir, `${map}.json`), 'utf8'));
  return <FloorCanvas nodes={fixture.nodes} edges={fixture.edges} culled={culled === '1'} />;
}
