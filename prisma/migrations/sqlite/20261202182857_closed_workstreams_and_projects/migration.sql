-- AlterTable
ALTER TABLE "Workstream" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Workstream" ADD COLUMN "closedReason" TEXT;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Project" ADD COLUMN "closedReason" TEXT;

