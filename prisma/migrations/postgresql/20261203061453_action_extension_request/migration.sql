-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "requestEventId" INTEGER,
ADD COLUMN     "requestedAt" TIMESTAMP(3),
ADD COLUMN     "requestedById" INTEGER,
ADD COLUMN     "requestedDue" TEXT,
ADD COLUMN     "requestedReason" TEXT;

