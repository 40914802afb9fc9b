-- AlterTable
ALTER TABLE "Person" ADD COLUMN "timezoneCheckedAt" DATETIME;

