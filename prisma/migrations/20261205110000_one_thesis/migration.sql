-- One thesis per map, held by the database: at most one live (not deleted) node of kind 'thesis'
-- per map. The app refuses a second one with a clear message first; this makes the rule hold even
-- for two writers racing. (Prisma's schema language has no partial indexes, so it lives here and in
-- SQLite's migration of the same name; prisma/__tests__/schemas.test.ts checks both exist.)
CREATE UNIQUE INDEX "Node_one_thesis_per_map" ON "Node"("mapId") WHERE "kind" = 'thesis' AND "deletedAt" IS NULL;
