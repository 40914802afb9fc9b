-- AlterTable
ALTER TABLE "Action" ADD COLUMN "requestEventId" INTEGER;
ALTER TABLE "Action" ADD COLUMN "requestedAt" DATETIME;
ALTER TABLE "Action" ADD COLUMN "requestedById" INTEGER;
ALTER TABLE "Action" ADD COLUMN "requestedDue" TEXT;
ALTER TABLE "Action" ADD COLUMN "requestedReason" TEXT;

