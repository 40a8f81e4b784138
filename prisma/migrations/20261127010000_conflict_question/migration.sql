-- AlterTable
ALTER TABLE "Conflict" ADD COLUMN "question" TEXT;
