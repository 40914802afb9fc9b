-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'action';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "outcomeDate" TEXT;

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "createdById" INTEGER,
ADD COLUMN     "eventId" INTEGER,
ADD COLUMN     "ref" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'inspection_report',
ADD COLUMN     "sourceDate" TEXT;

-- CreateTable
CREATE TABLE "RecommendationAction" (
    "recommendationId" INTEGER NOT NULL,
    "actionId" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,

    CONSTRAINT "RecommendationAction_pkey" PRIMARY KEY ("recommendationId","actionId")
);

-- CreateIndex
CREATE INDEX "RecommendationAction_actionId_idx" ON "RecommendationAction"("actionId");

-- CreateIndex
CREATE INDEX "Recommendation_programmeId_ref_idx" ON "Recommendation"("programmeId", "ref");

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAction" ADD CONSTRAINT "RecommendationAction_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAction" ADD CONSTRAINT "RecommendationAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

