-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "evidenceForVerify" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "evidenceOnDone" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "extensionApproval" BOOLEAN NOT NULL DEFAULT false;

