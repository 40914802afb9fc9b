-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "caseReferencePatterns" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("caseReferencePatterns", "createdAt", "id", "name") SELECT "caseReferencePatterns", "createdAt", "id", "name" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'member',
    "timezone" TEXT,
    "remindersOff" BOOLEAN NOT NULL DEFAULT false,
    "snoozedUntil" TEXT,
    "unreachableAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Person_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("createdAt", "displayName", "id", "remindersOff", "role", "slackUserId", "snoozedUntil", "timezone", "unreachableAt", "workspaceId") SELECT "createdAt", "displayName", "id", "remindersOff", "role", "slackUserId", "snoozedUntil", "timezone", "unreachableAt", "workspaceId" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_workspaceId_slackUserId_key" ON "Person"("workspaceId", "slackUserId");
CREATE TABLE "new_Programme" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "boardChannelId" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "digestDay" INTEGER NOT NULL DEFAULT 1,
    "digestTime" TEXT NOT NULL DEFAULT '09:00',
    "reminderTime" TEXT NOT NULL DEFAULT '09:30',
    "silenceDays" INTEGER NOT NULL DEFAULT 7,
    "dueSoonDays" INTEGER NOT NULL DEFAULT 3,
    "escalationDays" INTEGER NOT NULL DEFAULT 14,
    "countdownDays" TEXT NOT NULL DEFAULT '{}',
    "nextActionNumber" INTEGER NOT NULL DEFAULT 1,
    "nextEventNumber" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Programme_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Programme" ("boardChannelId", "countdownDays", "createdAt", "digestDay", "digestTime", "dueSoonDays", "escalationDays", "id", "name", "nextActionNumber", "nextEventNumber", "reminderTime", "silenceDays", "timezone", "workspaceId") SELECT "boardChannelId", "countdownDays", "createdAt", "digestDay", "digestTime", "dueSoonDays", "escalationDays", "id", "name", "nextActionNumber", "nextEventNumber", "reminderTime", "silenceDays", "timezone", "workspaceId" FROM "Programme";
DROP TABLE "Programme";
ALTER TABLE "new_Programme" RENAME TO "Programme";
CREATE INDEX "Programme_workspaceId_idx" ON "Programme"("workspaceId");
CREATE TABLE "new_Workstream" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "theme" TEXT,
    "criticalFriendId" INTEGER,
    "rag" TEXT NOT NULL DEFAULT 'not_started',
    "ragChangedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Workstream_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Workstream" ("code", "createdAt", "criticalFriendId", "id", "name", "programmeId", "rag", "ragChangedAt", "theme", "workspaceId") SELECT "code", "createdAt", "criticalFriendId", "id", "name", "programmeId", "rag", "ragChangedAt", "theme", "workspaceId" FROM "Workstream";
DROP TABLE "Workstream";
ALTER TABLE "new_Workstream" RENAME TO "Workstream";
CREATE INDEX "Workstream_workspaceId_idx" ON "Workstream"("workspaceId");
CREATE UNIQUE INDEX "Workstream_programmeId_code_key" ON "Workstream"("programmeId", "code");
CREATE TABLE "new_Project" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "rag" TEXT NOT NULL DEFAULT 'not_started',
    "ragChangedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Project_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Project" ("createdAt", "id", "name", "rag", "ragChangedAt", "workspaceId", "workstreamId") SELECT "createdAt", "id", "name", "rag", "ragChangedAt", "workspaceId", "workstreamId" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
CREATE INDEX "Project_workspaceId_idx" ON "Project"("workspaceId");
CREATE UNIQUE INDEX "Project_workstreamId_name_key" ON "Project"("workstreamId", "name");
CREATE TABLE "new_RagChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "fromRag" TEXT NOT NULL,
    "toRag" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "RagChange_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RagChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RagChange" ("authorId", "createdAt", "fromRag", "id", "programmeId", "projectId", "reason", "toRag", "workspaceId", "workstreamId") SELECT "authorId", "createdAt", "fromRag", "id", "programmeId", "projectId", "reason", "toRag", "workspaceId", "workstreamId" FROM "RagChange";
DROP TABLE "RagChange";
ALTER TABLE "new_RagChange" RENAME TO "RagChange";
CREATE INDEX "RagChange_programmeId_createdAt_idx" ON "RagChange"("programmeId", "createdAt");
CREATE INDEX "RagChange_workstreamId_createdAt_idx" ON "RagChange"("workstreamId", "createdAt");
CREATE TABLE "new_Update" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "authorId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "originalText" TEXT,
    "rag" TEXT,
    "channelId" TEXT,
    "messageTs" TEXT,
    "editedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Update_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Update" ("authorId", "channelId", "createdAt", "editedAt", "id", "messageTs", "originalText", "programmeId", "projectId", "rag", "text", "withdrawnAt", "workspaceId", "workstreamId") SELECT "authorId", "channelId", "createdAt", "editedAt", "id", "messageTs", "originalText", "programmeId", "projectId", "rag", "text", "withdrawnAt", "workspaceId", "workstreamId" FROM "Update";
DROP TABLE "Update";
ALTER TABLE "new_Update" RENAME TO "Update";
CREATE INDEX "Update_workstreamId_createdAt_idx" ON "Update"("workstreamId", "createdAt");
CREATE INDEX "Update_programmeId_createdAt_idx" ON "Update"("programmeId", "createdAt");
CREATE INDEX "Update_authorId_createdAt_idx" ON "Update"("authorId", "createdAt");
CREATE TABLE "new_Action" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "ownerId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "evidenceNote" TEXT,
    "completedAt" DATETIME,
    "verifiedAt" DATETIME,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Action_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Action_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Action" ("completedAt", "createdAt", "createdById", "dueDate", "evidenceNote", "id", "number", "ownerId", "programmeId", "projectId", "status", "text", "verifiedAt", "workspaceId", "workstreamId") SELECT "completedAt", "createdAt", "createdById", "dueDate", "evidenceNote", "id", "number", "ownerId", "programmeId", "projectId", "status", "text", "verifiedAt", "workspaceId", "workstreamId" FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE INDEX "Action_programmeId_status_dueDate_idx" ON "Action"("programmeId", "status", "dueDate");
CREATE INDEX "Action_ownerId_status_dueDate_idx" ON "Action"("ownerId", "status", "dueDate");
CREATE INDEX "Action_workstreamId_status_idx" ON "Action"("workstreamId", "status");
CREATE UNIQUE INDEX "Action_programmeId_number_key" ON "Action"("programmeId", "number");
CREATE TABLE "new_ActionEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "actionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "fromDue" TEXT,
    "toDue" TEXT,
    "fromOwnerId" INTEGER,
    "toOwnerId" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ActionEvent_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ActionEvent" ("actionId", "createdAt", "fromDue", "fromOwnerId", "id", "kind", "note", "personId", "toDue", "toOwnerId", "workspaceId") SELECT "actionId", "createdAt", "fromDue", "fromOwnerId", "id", "kind", "note", "personId", "toDue", "toOwnerId", "workspaceId" FROM "ActionEvent";
DROP TABLE "ActionEvent";
ALTER TABLE "new_ActionEvent" RENAME TO "ActionEvent";
CREATE INDEX "ActionEvent_actionId_createdAt_idx" ON "ActionEvent"("actionId", "createdAt");
CREATE TABLE "new_Kpi" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "workstreamId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Kpi_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Kpi" ("createdAt", "direction", "id", "name", "programmeId", "unit", "workspaceId", "workstreamId") SELECT "createdAt", "direction", "id", "name", "programmeId", "unit", "workspaceId", "workstreamId" FROM "Kpi";
DROP TABLE "Kpi";
ALTER TABLE "new_Kpi" RENAME TO "Kpi";
CREATE UNIQUE INDEX "Kpi_programmeId_name_key" ON "Kpi"("programmeId", "name");
CREATE TABLE "new_KpiReading" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "value" REAL NOT NULL,
    "period" TEXT NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "KpiReading_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_KpiReading" ("createdAt", "id", "kpiId", "period", "recordedById", "value", "workspaceId") SELECT "createdAt", "id", "kpiId", "period", "recordedById", "value", "workspaceId" FROM "KpiReading";
DROP TABLE "KpiReading";
ALTER TABLE "new_KpiReading" RENAME TO "KpiReading";
CREATE INDEX "KpiReading_kpiId_period_idx" ON "KpiReading"("kpiId", "period");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "theme" TEXT,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Event_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("createdAt", "createdById", "endDate", "id", "kind", "number", "programmeId", "startDate", "status", "theme", "workspaceId") SELECT "createdAt", "createdById", "endDate", "id", "kind", "number", "programmeId", "startDate", "status", "theme", "workspaceId" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_programmeId_status_startDate_idx" ON "Event"("programmeId", "status", "startDate");
CREATE UNIQUE INDEX "Event_programmeId_number_key" ON "Event"("programmeId", "number");
CREATE TABLE "new_Recommendation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Recommendation_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Recommendation" ("createdAt", "id", "number", "programmeId", "text", "workspaceId") SELECT "createdAt", "id", "number", "programmeId", "text", "workspaceId" FROM "Recommendation";
DROP TABLE "Recommendation";
ALTER TABLE "new_Recommendation" RENAME TO "Recommendation";
CREATE UNIQUE INDEX "Recommendation_programmeId_number_key" ON "Recommendation"("programmeId", "number");
CREATE TABLE "new_AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_AuditLog" ("action", "actor", "after", "before", "createdAt", "entity", "entityId", "id", "workspaceId") SELECT "action", "actor", "after", "before", "createdAt", "entity", "entityId", "id", "workspaceId" FROM "AuditLog";
DROP TABLE "AuditLog";
ALTER TABLE "new_AuditLog" RENAME TO "AuditLog";
CREATE INDEX "AuditLog_workspaceId_createdAt_idx" ON "AuditLog"("workspaceId", "createdAt");
CREATE INDEX "AuditLog_workspaceId_entity_entityId_idx" ON "AuditLog"("workspaceId", "entity", "entityId");
CREATE TABLE "new_ProcessedRequest" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("workspaceId", "key")
);
INSERT INTO "new_ProcessedRequest" ("createdAt", "key", "workspaceId") SELECT "createdAt", "key", "workspaceId" FROM "ProcessedRequest";
DROP TABLE "ProcessedRequest";
ALTER TABLE "new_ProcessedRequest" RENAME TO "ProcessedRequest";
CREATE TABLE "new_DigestRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "weekStart" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "channelId" TEXT,
    "messageTs" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,
    "postedAt" DATETIME
);
INSERT INTO "new_DigestRun" ("attempts", "channelId", "claimedAt", "claimedBy", "id", "lastError", "late", "leaseUntil", "messageTs", "postedAt", "programmeId", "status", "weekStart", "workspaceId") SELECT "attempts", "channelId", "claimedAt", "claimedBy", "id", "lastError", "late", "leaseUntil", "messageTs", "postedAt", "programmeId", "status", "weekStart", "workspaceId" FROM "DigestRun";
DROP TABLE "DigestRun";
ALTER TABLE "new_DigestRun" RENAME TO "DigestRun";
CREATE INDEX "DigestRun_status_idx" ON "DigestRun"("status");
CREATE UNIQUE INDEX "DigestRun_programmeId_weekStart_key" ON "DigestRun"("programmeId", "weekStart");
CREATE TABLE "new_ReminderLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "channelId" TEXT,
    "messageTs" TEXT,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_ReminderLog" ("attempts", "channelId", "claimedBy", "createdAt", "day", "id", "kind", "lastError", "leaseUntil", "messageTs", "payload", "programmeId", "recipient", "sentAt", "status", "subjectKey", "workspaceId") SELECT "attempts", "channelId", "claimedBy", "createdAt", "day", "id", "kind", "lastError", "leaseUntil", "messageTs", "payload", "programmeId", "recipient", "sentAt", "status", "subjectKey", "workspaceId" FROM "ReminderLog";
DROP TABLE "ReminderLog";
ALTER TABLE "new_ReminderLog" RENAME TO "ReminderLog";
CREATE INDEX "ReminderLog_status_leaseUntil_idx" ON "ReminderLog"("status", "leaseUntil");
CREATE UNIQUE INDEX "ReminderLog_workspaceId_kind_subjectKey_recipient_day_key" ON "ReminderLog"("workspaceId", "kind", "subjectKey", "recipient", "day");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

