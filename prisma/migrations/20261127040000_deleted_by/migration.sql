-- AlterTable
ALTER TABLE "Node" ADD COLUMN "deletedBy" TEXT;
