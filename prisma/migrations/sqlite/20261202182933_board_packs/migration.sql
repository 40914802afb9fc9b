-- CreateTable
CREATE TABLE "BoardPack" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "boardDate" TEXT NOT NULL,
    "producedAt" DATETIME NOT NULL,
    "producedBy" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    CONSTRAINT "BoardPack_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BoardPack_programmeId_producedAt_idx" ON "BoardPack"("programmeId", "producedAt");

