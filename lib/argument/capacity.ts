import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_NODES_MAX, MAP_PREMISE_LINKS_MAX } from '../validation/limits';
import type { ArgumentGraph } from './model';
import type { Refusal } from './refusal';

/**
 * What a map holds at most, and the words that refuse more: the same limits as an import's
 * (`interchange/import-rules.ts`), so what a map can hold does not depend on how it was built.
 * Counted as reads show the map (live points only, the rule of `pruneGraph`), so deleting frees room
 * and adding and deleting by turns cannot fill a map for good; Undo checks them again.
 */
export type Capacity = 'premises' | 'links' | 'steps' | 'attacks';

export const CAPACITY: Record<Capacity, number> = {
  premises: INFERENCE_PREMISES_MAX,
  links: MAP_PREMISE_LINKS_MAX,
  steps: MAP_INFERENCES_MAX,
  attacks: MAP_CONFLICTS_MAX,
};

/** What a map-wide capacity counts, in words. */
export const CAPACITY_WORDS: Record<Exclude<Capacity, 'premises'>, string> = { links: 'premise links', steps: 'steps of reasoning', attacks: 'attacks' };

/**
 * Why one more connection does not fit (`count` already there): a step with INFERENCE_PREMISES_MAX
 * live premises, a map with MAP_PREMISE_LINKS_MAX premise links, MAP_INFERENCES_MAX steps or
 * MAP_CONFLICTS_MAX attacks. Null when it fits.
 */
export function roomRefusal(what: Capacity, count: number): Refusal | null {
  const max = CAPACITY[what];
  if (count < max) return null;
  const message =
    what === 'premises'
      ? `This step already has ${count} premises, the most one step holds (${max}). Support its conclusion with a step of its own.`
      : `This map already holds ${count} ${CAPACITY_WORDS[what]}, the most a map holds (${max}). Start a new map for the rest.`;
  return { code: 'conflict', message, issues: [{ path: ['target'], message }] };
}

/** Why a map with `live` points takes no more (MAP_NODES_MAX); null when it does. */
export function fullMapRefusal(live: number): Refusal | null {
  if (live < MAP_NODES_MAX) return null;
  return {
    code: 'conflict',
    message: `This map is full: it holds ${live} points, and a map holds at most ${MAP_NODES_MAX}. Start a new map for the rest.`,
    issues: [],
  };
}

/** What the live graph holds against each map-wide capacity. */
export function liveCapacity(graph: ArgumentGraph): Record<Exclude<Capacity, 'premises'>, number> {
  return { steps: graph.inferences.length, links: graph.inferences.reduce((n, i) => n + i.premises.length, 0), attacks: graph.conflicts.length };
}
