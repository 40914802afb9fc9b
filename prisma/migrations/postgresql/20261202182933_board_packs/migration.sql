-- CreateTable
CREATE TABLE "BoardPack" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "boardDate" TEXT NOT NULL,
    "producedAt" TIMESTAMP(3) NOT NULL,
    "producedBy" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,

    CONSTRAINT "BoardPack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BoardPack_programmeId_producedAt_idx" ON "BoardPack"("programmeId", "producedAt");

-- AddForeignKey
ALTER TABLE "BoardPack" ADD CONSTRAINT "BoardPack_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

