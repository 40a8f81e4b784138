import 'server-only';
import { type ArgumentGraph } from '../argument/model';
import { AppError } from '../validation/app-error';
import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_PREMISE_LINKS_MAX } from '../validation/limits';

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
 * Refuses a connection the map has no room for: a step with INFERENCE_PREMISES_MAX live premises, a
 * map with MAP_PREMISE_LINKS_MAX premise links, MAP_INFERENCES_MAX steps or MAP_CONFLICTS_MAX attacks
 * — counted as reads show them (live points only, the rule of `pruneGraph`), so deleting frees
 * room and adding and deleting by turns cannot fill a map for good; Undo checks them again
 * (`restoreDeletion` in ./deletions.ts). The same limits as an import's (`lib/argument/interchange/import-rules.ts`),
 * so what a map can hold does not depend on how it was built.
 */
export function assertRoom(what: Capacity, count: number): void {
  const max = CAPACITY[what];
  if (count < max) return;
  const message =
    what === 'premises'
      ? `This step already has ${count} premises, the most one step holds (${max}). Support its conclusion with a step of its own.`
      : `This map already holds ${count} ${CAPACITY_WORDS[what]}, the most a map holds (${max}). Start a new map for the rest.`;
  throw new AppError('conflict', message, { issues: [{ path: ['target'], message }] });
}

/** What the live graph holds against each map-wide capacity. */
export function liveCapacity(graph: ArgumentGraph): Record<Exclude<Capacity, 'premises'>, number> {
  return { steps: graph.inferences.length, links: graph.inferences.reduce((n, i) => n + i.premises.length, 0), attacks: graph.conflicts.length };
}

/** The same counts in SQL, for the synchronous write path (`createNode`): live points only, as `pruneGraph` keeps them. */
export const LIVE_CAPACITY_SQL: Record<Capacity, string> = {
  steps: `SELECT COUNT(*) AS n FROM "Inference" i JOIN "Node" c ON c."id" = i."conclusionId" AND c."deletedAt" IS NULL
          WHERE i."mapId" = ? AND EXISTS (SELECT 1 FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" WHERE p."inferenceId" = i."id" AND n."deletedAt" IS NULL)`,
  links: `SELECT COUNT(*) AS n FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" AND n."deletedAt" IS NULL
          JOIN "Inference" i ON i."id" = p."inferenceId" JOIN "Node" c ON c."id" = i."conclusionId" AND c."deletedAt" IS NULL WHERE i."mapId" = ?`,
  attacks: `SELECT COUNT(*) AS n FROM "Conflict" "x" JOIN "Node" a ON a."id" = "x"."attackerId" AND a."deletedAt" IS NULL
            LEFT JOIN "Node" t ON t."id" = "x"."targetNodeId" LEFT JOIN "Inference" ti ON ti."id" = "x"."targetInferenceId" LEFT JOIN "Node" tc ON tc."id" = ti."conclusionId"
            WHERE "x"."mapId" = ? AND ((t."id" IS NOT NULL AND t."deletedAt" IS NULL) OR (tc."id" IS NOT NULL AND tc."deletedAt" IS NULL))`,
  premises: `SELECT COUNT(*) AS n FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" AND n."deletedAt" IS NULL WHERE p."inferenceId" = ?`,
};

/**
 * Upper bounds of the same counts, read from the map's indexes without joins: its rows, live or
 * deleted. While a bound is under its limit the live count is too, so the joined count (linear in
 * the map, and most of a write's time on a map of 1,000 points) is taken only near a limit.
 */
export const CAPACITY_BOUND_SQL: Record<Capacity, string> = {
  steps: 'SELECT COUNT(*) AS n FROM "Inference" WHERE "mapId" = ?',
  links: 'SELECT COUNT(*) AS n FROM "Inference" i JOIN "InferencePremise" p ON p."inferenceId" = i."id" WHERE i."mapId" = ?',
  attacks: 'SELECT COUNT(*) AS n FROM "Conflict" WHERE "mapId" = ?',
  premises: 'SELECT COUNT(*) AS n FROM "InferencePremise" WHERE "inferenceId" = ?',
};
