-- AlterTable: who made each change ("user:<id>" or "member:<id>", as Node.createdBy), for progress on tasks; never sent to clients
ALTER TABLE "MapEvent" ADD COLUMN "actorMark" TEXT;

-- CreateTable: the tasks the owner set on a class copy (one row per map; none = tasks off)
CREATE TABLE "ClassTasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "dueAt" DATETIME,
    "instructions" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClassTasks_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ClassTasks_mapId_key" ON "ClassTasks"("mapId");
