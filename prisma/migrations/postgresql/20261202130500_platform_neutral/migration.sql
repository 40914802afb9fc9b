-- Issue 13: the schema names the platform and its ids, and stored text uses the neutral markup.
ALTER TABLE "Workspace" ADD COLUMN "platform" TEXT NOT NULL DEFAULT 'slack';
ALTER TABLE "Person" RENAME COLUMN "slackUserId" TO "platformUserId";
ALTER INDEX "Person_workspaceId_slackUserId_key" RENAME TO "Person_workspaceId_platformUserId_key";
ALTER TABLE "Update" RENAME COLUMN "messageTs" TO "messageId";
ALTER TABLE "DigestRun" RENAME COLUMN "messageTs" TO "messageId";
ALTER TABLE "ReminderLog" RENAME COLUMN "messageTs" TO "messageId";
-- Slack's encoded mentions in stored text become the neutral markup's tokens ('<@U1|jo>' → '<person:U1|jo>').
UPDATE "Update" SET "text" = REPLACE(REPLACE("text", '<@', '<person:'), '<#', '<channel:'), "originalText" = REPLACE(REPLACE("originalText", '<@', '<person:'), '<#', '<channel:') WHERE "text" LIKE '%<@%' OR "text" LIKE '%<#%' OR "originalText" LIKE '%<@%' OR "originalText" LIKE '%<#%';
UPDATE "RagChange" SET "reason" = REPLACE(REPLACE("reason", '<@', '<person:'), '<#', '<channel:') WHERE "reason" LIKE '%<@%' OR "reason" LIKE '%<#%';
UPDATE "Action" SET "text" = REPLACE(REPLACE("text", '<@', '<person:'), '<#', '<channel:'), "evidenceNote" = REPLACE(REPLACE("evidenceNote", '<@', '<person:'), '<#', '<channel:') WHERE "text" LIKE '%<@%' OR "text" LIKE '%<#%' OR "evidenceNote" LIKE '%<@%' OR "evidenceNote" LIKE '%<#%';
UPDATE "ActionEvent" SET "note" = REPLACE(REPLACE("note", '<@', '<person:'), '<#', '<channel:') WHERE "note" LIKE '%<@%' OR "note" LIKE '%<#%';
UPDATE "AuditLog" SET "before" = REPLACE(REPLACE("before", '<@', '<person:'), '<#', '<channel:'), "after" = REPLACE(REPLACE("after", '<@', '<person:'), '<#', '<channel:') WHERE "before" LIKE '%<@%' OR "before" LIKE '%<#%' OR "after" LIKE '%<@%' OR "after" LIKE '%<#%';
UPDATE "ReminderLog" SET "payload" = REPLACE(REPLACE("payload", '<@', '<person:'), '<#', '<channel:') WHERE "payload" LIKE '%<@%' OR "payload" LIKE '%<#%';
UPDATE "Recommendation" SET "text" = REPLACE(REPLACE("text", '<@', '<person:'), '<#', '<channel:') WHERE "text" LIKE '%<@%' OR "text" LIKE '%<#%';
-- A queued notice about an unreachable person names them by the new key.
UPDATE "ReminderLog" SET "payload" = REPLACE("payload", '"slackUserId":', '"platformUserId":') WHERE "payload" LIKE '%"slackUserId":%';
