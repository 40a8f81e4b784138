-- One thesis per map, held by the database: at most one live (not deleted) node of kind 'thesis'
-- per map. The app refuses a second one with a clear message first; this makes the rule hold even
-- for two writers racing. (Prisma's schema language has no partial indexes, so it lives here and in
-- SQLite's migration of the same name; prisma/__tests__/schemas.test.ts checks both exist.)
-- A map that already has more than one (an import before imports refused them) keeps its oldest
-- as the thesis; the others become claims, so the index can be made.
UPDATE "Node" SET "kind" = 'claim'
WHERE "kind" = 'thesis' AND "deletedAt" IS NULL
  AND EXISTS (
    SELECT 1 FROM "Node" AS "older"
    WHERE "older"."mapId" = "Node"."mapId" AND "older"."kind" = 'thesis' AND "older"."deletedAt" IS NULL
      AND ("older"."createdAt" < "Node"."createdAt" OR ("older"."createdAt" = "Node"."createdAt" AND "older"."id" < "Node"."id"))
  );
CREATE UNIQUE INDEX "Node_one_thesis_per_map" ON "Node"("mapId") WHERE "kind" = 'thesis' AND "deletedAt" IS NULL;
