-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "timezoneCheckedAt" TIMESTAMP(3);

