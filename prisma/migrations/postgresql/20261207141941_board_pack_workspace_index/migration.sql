-- CreateIndex
CREATE INDEX "BoardPack_workspaceId_idx" ON "BoardPack"("workspaceId");

