-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "caseReferencePatterns" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'member',
    "timezone" TEXT,
    "remindersOff" BOOLEAN NOT NULL DEFAULT false,
    "snoozedUntil" TEXT,
    "unreachableAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workstream" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "theme" TEXT,
    "criticalFriendId" INTEGER,
    "rag" TEXT NOT NULL DEFAULT 'not_started',
    "ragChangedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workstream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkstreamLead" (
    "workstreamId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,

    CONSTRAINT "WorkstreamLead_pkey" PRIMARY KEY ("workstreamId","personId")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "rag" TEXT NOT NULL DEFAULT 'not_started',
    "ragChangedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RagChange" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "fromRag" TEXT NOT NULL,
    "toRag" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RagChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Update" (
    "id" SERIAL NOT NULL,
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
    "editedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" SERIAL NOT NULL,
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
    "completedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionEvent" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "actionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "fromDue" TEXT,
    "toDue" TEXT,
    "fromOwnerId" INTEGER,
    "toOwnerId" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "workstreamId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiTarget" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "byDate" TEXT NOT NULL,

    CONSTRAINT "KpiTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiReading" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "period" TEXT NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "theme" TEXT,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventWorkstream" (
    "eventId" INTEGER NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,

    CONSTRAINT "EventWorkstream_pkey" PRIMARY KEY ("eventId","workstreamId")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationWorkstream" (
    "recommendationId" INTEGER NOT NULL,
    "workstreamId" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,

    CONSTRAINT "RecommendationWorkstream_pkey" PRIMARY KEY ("recommendationId","workstreamId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedRequest" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedRequest_pkey" PRIMARY KEY ("workspaceId","key")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "weekStart" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "channelId" TEXT,
    "messageTs" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,
    "postedAt" TIMESTAMP(3),

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderLog" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "channelId" TEXT,
    "messageTs" TEXT,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankHolidayOverride" (
    "workspaceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "isHoliday" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "BankHolidayOverride_pkey" PRIMARY KEY ("workspaceId","date")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_workspaceId_slackUserId_key" ON "Person"("workspaceId", "slackUserId");

-- CreateIndex
CREATE INDEX "Programme_workspaceId_idx" ON "Programme"("workspaceId");

-- CreateIndex
CREATE INDEX "Workstream_workspaceId_idx" ON "Workstream"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Workstream_programmeId_code_key" ON "Workstream"("programmeId", "code");

-- CreateIndex
CREATE INDEX "WorkstreamLead_personId_idx" ON "WorkstreamLead"("personId");

-- CreateIndex
CREATE INDEX "Project_workspaceId_idx" ON "Project"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_workstreamId_name_key" ON "Project"("workstreamId", "name");

-- CreateIndex
CREATE INDEX "RagChange_programmeId_createdAt_idx" ON "RagChange"("programmeId", "createdAt");

-- CreateIndex
CREATE INDEX "RagChange_workstreamId_createdAt_idx" ON "RagChange"("workstreamId", "createdAt");

-- CreateIndex
CREATE INDEX "Update_workstreamId_createdAt_idx" ON "Update"("workstreamId", "createdAt");

-- CreateIndex
CREATE INDEX "Update_programmeId_createdAt_idx" ON "Update"("programmeId", "createdAt");

-- CreateIndex
CREATE INDEX "Update_authorId_createdAt_idx" ON "Update"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Action_programmeId_status_dueDate_idx" ON "Action"("programmeId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Action_ownerId_status_dueDate_idx" ON "Action"("ownerId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Action_workstreamId_status_idx" ON "Action"("workstreamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Action_programmeId_number_key" ON "Action"("programmeId", "number");

-- CreateIndex
CREATE INDEX "ActionEvent_actionId_createdAt_idx" ON "ActionEvent"("actionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_programmeId_name_key" ON "Kpi"("programmeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "KpiTarget_kpiId_byDate_key" ON "KpiTarget"("kpiId", "byDate");

-- CreateIndex
CREATE INDEX "KpiReading_kpiId_period_idx" ON "KpiReading"("kpiId", "period");

-- CreateIndex
CREATE INDEX "Event_programmeId_status_startDate_idx" ON "Event"("programmeId", "status", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "Event_programmeId_number_key" ON "Event"("programmeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_programmeId_number_key" ON "Recommendation"("programmeId", "number");

-- CreateIndex
CREATE INDEX "AuditLog_workspaceId_createdAt_idx" ON "AuditLog"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_workspaceId_entity_entityId_idx" ON "AuditLog"("workspaceId", "entity", "entityId");

-- CreateIndex
CREATE INDEX "DigestRun_status_idx" ON "DigestRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_programmeId_weekStart_key" ON "DigestRun"("programmeId", "weekStart");

-- CreateIndex
CREATE INDEX "ReminderLog_status_leaseUntil_idx" ON "ReminderLog"("status", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLog_workspaceId_kind_subjectKey_recipient_day_key" ON "ReminderLog"("workspaceId", "kind", "subjectKey", "recipient", "day");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workstream" ADD CONSTRAINT "Workstream_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkstreamLead" ADD CONSTRAINT "WorkstreamLead_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkstreamLead" ADD CONSTRAINT "WorkstreamLead_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RagChange" ADD CONSTRAINT "RagChange_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RagChange" ADD CONSTRAINT "RagChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Update" ADD CONSTRAINT "Update_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiTarget" ADD CONSTRAINT "KpiTarget_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReading" ADD CONSTRAINT "KpiReading_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventWorkstream" ADD CONSTRAINT "EventWorkstream_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventWorkstream" ADD CONSTRAINT "EventWorkstream_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationWorkstream" ADD CONSTRAINT "RecommendationWorkstream_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationWorkstream" ADD CONSTRAINT "RecommendationWorkstream_workstreamId_fkey" FOREIGN KEY ("workstreamId") REFERENCES "Workstream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

