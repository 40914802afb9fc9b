-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Programme" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "boardChannelId" TEXT,
    "boardChannelSetAt" DATETIME,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "digestDay" INTEGER NOT NULL DEFAULT 1,
    "digestTime" TEXT NOT NULL DEFAULT '09:00',
    "reminderTime" TEXT NOT NULL DEFAULT '09:30',
    "silenceDays" INTEGER NOT NULL DEFAULT 14,
    "digestExceptionsOnly" BOOLEAN NOT NULL DEFAULT false,
    "evidenceOnDone" BOOLEAN NOT NULL DEFAULT false,
    "evidenceForVerify" BOOLEAN NOT NULL DEFAULT true,
    "extensionApproval" BOOLEAN NOT NULL DEFAULT false,
    "dueSoonDays" INTEGER NOT NULL DEFAULT 3,
    "escalationDays" INTEGER NOT NULL DEFAULT 14,
    "countdownDays" TEXT NOT NULL DEFAULT '{}',
    "nextActionNumber" INTEGER NOT NULL DEFAULT 1,
    "nextEventNumber" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Programme_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Programme" ("boardChannelId", "boardChannelSetAt", "countdownDays", "createdAt", "digestDay", "digestExceptionsOnly", "digestTime", "dueSoonDays", "escalationDays", "id", "name", "nextActionNumber", "nextEventNumber", "reminderTime", "silenceDays", "timezone", "workspaceId") SELECT "boardChannelId", "boardChannelSetAt", "countdownDays", "createdAt", "digestDay", "digestExceptionsOnly", "digestTime", "dueSoonDays", "escalationDays", "id", "name", "nextActionNumber", "nextEventNumber", "reminderTime", "silenceDays", "timezone", "workspaceId" FROM "Programme";
DROP TABLE "Programme";
ALTER TABLE "new_Programme" RENAME TO "Programme";
CREATE INDEX "Programme_workspaceId_idx" ON "Programme"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

