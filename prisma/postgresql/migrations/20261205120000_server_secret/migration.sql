-- The key every instance signs cookies with, when ARGMAP_SECRET is not set (lib/auth/server-secret.ts):
-- one row, made by the first instance that starts. PostgreSQL only: on SQLite the key is a file beside
-- the database. Made here, not at start, because CREATE TABLE IF NOT EXISTS races when two instances
-- start together (both pass the check, one fails on pg_type's unique index).
CREATE TABLE "_argmap_secret" ("id" INT PRIMARY KEY, "key" TEXT NOT NULL);
