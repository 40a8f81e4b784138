-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ArgumentMap" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ArgumentMap_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Node" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "quoteStart" INTEGER,
    "quoteEnd" INTEGER,
    "quoteText" TEXT,
    "implicit" BOOLEAN NOT NULL DEFAULT false,
    "author" TEXT NOT NULL DEFAULT '',
    "x" REAL,
    "y" REAL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "deletionId" TEXT,
    CONSTRAINT "Node_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "conclusionId" TEXT NOT NULL,
    "scheme" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "deletionId" TEXT,
    CONSTRAINT "Inference_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inference_conclusionId_fkey" FOREIGN KEY ("conclusionId") REFERENCES "Node" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InferencePremise" (
    "inferenceId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("inferenceId", "nodeId"),
    CONSTRAINT "InferencePremise_inferenceId_fkey" FOREIGN KEY ("inferenceId") REFERENCES "Inference" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InferencePremise_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Conflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "attackerId" TEXT NOT NULL,
    "targetNodeId" TEXT,
    "targetInferenceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "deletionId" TEXT,
    CONSTRAINT "Conflict_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conflict_attackerId_fkey" FOREIGN KEY ("attackerId") REFERENCES "Node" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conflict_targetNodeId_fkey" FOREIGN KEY ("targetNodeId") REFERENCES "Node" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conflict_targetInferenceId_fkey" FOREIGN KEY ("targetInferenceId") REFERENCES "Inference" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "ArgumentMap_slug_key" ON "ArgumentMap"("slug");

-- CreateIndex
CREATE INDEX "Node_mapId_idx" ON "Node"("mapId");

-- CreateIndex
CREATE INDEX "Node_deletionId_idx" ON "Node"("deletionId");

-- CreateIndex
CREATE INDEX "Inference_mapId_idx" ON "Inference"("mapId");

-- CreateIndex
CREATE INDEX "InferencePremise_nodeId_idx" ON "InferencePremise"("nodeId");

-- CreateIndex
CREATE INDEX "Conflict_mapId_idx" ON "Conflict"("mapId");

