-- CreateIndex
CREATE INDEX "Action_programmeId_status_ownerId_dueDate_idx" ON "Action"("programmeId", "status", "ownerId", "dueDate");

