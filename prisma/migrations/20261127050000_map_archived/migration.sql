-- AlterTable
ALTER TABLE "ArgumentMap" ADD COLUMN "archivedAt" DATETIME;

