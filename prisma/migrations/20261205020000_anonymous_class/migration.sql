-- AlterTable: a class whose students see each other as "Student 1, 2, …" (the owner sees names). Only
-- how names are shown changes: every stored name stays as written, so turning it off shows them again.
ALTER TABLE "ArgumentMap" ADD COLUMN "anonymous" BOOLEAN NOT NULL DEFAULT false;
