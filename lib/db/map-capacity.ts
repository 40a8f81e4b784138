import 'server-only';
import type { Capacity } from '../argument/capacity';

/*
 * The capacity rules live in lib/argument/capacity.ts; these are the counts they are decided from,
 * in SQL, for the plain-SQL write path.
 */

/** The same counts in SQL, for the plain-SQL write path (`createNode`): live points only, as `pruneGraph` keeps them. */
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
