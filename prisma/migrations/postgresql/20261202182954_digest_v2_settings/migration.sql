-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "boardChannelSetAt" TIMESTAMP(3),
ADD COLUMN     "digestExceptionsOnly" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "silenceDays" SET DEFAULT 14;


-- The old 7-day default flagged weekly updaters as silent; no command could change it, so a 7 is the default.
UPDATE "Programme" SET "silenceDays" = 14 WHERE "silenceDays" = 7;
-- A channel set before this migration counts as set when the programme was created.
UPDATE "Programme" SET "boardChannelSetAt" = "createdAt" WHERE "boardChannelId" IS NOT NULL;
