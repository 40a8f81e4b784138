-- AlterTable: when a point's facts were known, the stock issue a reason bears on, and whether the thesis proposes a policy
ALTER TABLE "Node" ADD COLUMN "asOf" TEXT;
ALTER TABLE "Node" ADD COLUMN "stockIssue" TEXT;
ALTER TABLE "Node" ADD COLUMN "proposal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable: when the essay was published (a class judges its argument as of that month)
ALTER TABLE "Document" ADD COLUMN "published" TEXT;
