-- CreateTable
CREATE TABLE "TeamsPosted" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "threadId" TEXT,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "activityId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamsPosted_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamsPosted_workspaceId_channelId_eventType_idx" ON "TeamsPosted"("workspaceId", "channelId", "eventType");

