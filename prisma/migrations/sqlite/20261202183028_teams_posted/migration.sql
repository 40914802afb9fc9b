-- CreateTable
CREATE TABLE "TeamsPosted" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "threadId" TEXT,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "activityId" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TeamsPosted_workspaceId_channelId_eventType_idx" ON "TeamsPosted"("workspaceId", "channelId", "eventType");

