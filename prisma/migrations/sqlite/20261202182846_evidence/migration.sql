-- AlterTable
ALTER TABLE "Event" ADD COLUMN "outcome" TEXT;
ALTER TABLE "Event" ADD COLUMN "outcomeDate" TEXT;

-- CreateTable
CREATE TABLE "RecommendationAction" (
    "recommendationId" INTEGER NOT NULL,
    "actionId" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,

    PRIMARY KEY ("recommendationId", "actionId"),
    CONSTRAINT "RecommendationAction_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RecommendationAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "kind" TEXT NOT NULL DEFAULT 'action',
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
CREATE TABLE "new_Recommendation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "ref" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'inspection_report',
    "sourceDate" TEXT,
    "eventId" INTEGER,
    "createdById" INTEGER,
    CONSTRAINT "Recommendation_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Recommendation" ("createdAt", "id", "number", "programmeId", "text", "workspaceId") SELECT "createdAt", "id", "number", "programmeId", "text", "workspaceId" FROM "Recommendation";
DROP TABLE "Recommendation";
ALTER TABLE "new_Recommendation" RENAME TO "Recommendation";
CREATE INDEX "Recommendation_programmeId_ref_idx" ON "Recommendation"("programmeId", "ref");
CREATE UNIQUE INDEX "Recommendation_programmeId_number_key" ON "Recommendation"("programmeId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RecommendationAction_actionId_idx" ON "RecommendationAction"("actionId");

