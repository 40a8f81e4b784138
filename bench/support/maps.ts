/** Synthetic maps for the HTTP and browser benches, created through the app's own import route. */
import { toAif } from '../../lib/argument/interchange/aif';
import { syntheticGraph } from '../synthetic-map';

/** The seed every bench uses, so every run sees the same maps. */
export const SYNTHETIC_SEED = 20261127;

/**
 * Imports a seeded synthetic map of `size` statements as AIF through `POST /api/maps/import` and
 * returns its slug.
 */
export async function importSyntheticMap(base: string, size: number): Promise<string> {
  const content = JSON.stringify(toAif(syntheticGraph(size, SYNTHETIC_SEED)));
  const response = await fetch(`${base}/api/maps/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ format: 'aif', title: `Synthetic ${size}`, content }),
  });
  if (response.status !== 201) throw new Error(`Import of a ${size}-node map answered ${response.status}: ${await response.text()}`);
  const { map } = (await response.json()) as { map: { slug: string } };
  const view = (await (await fetch(`${base}/api/maps/${map.slug}`)).json()) as { nodes: unknown[] };
  if (view.nodes.length !== size) throw new Error(`The imported map has ${view.nodes.length} nodes, not ${size}.`);
  return map.slug;
}
