-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Kpi" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "frequency" TEXT NOT NULL DEFAULT 'monthly',
    "workstreamId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Kpi_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Kpi" ("createdAt", "direction", "id", "name", "programmeId", "unit", "workspaceId", "workstreamId") SELECT "createdAt", "direction", "id", "name", "programmeId", "unit", "workspaceId", "workstreamId" FROM "Kpi";
DROP TABLE "Kpi";
ALTER TABLE "new_Kpi" RENAME TO "Kpi";
CREATE UNIQUE INDEX "Kpi_programmeId_name_key" ON "Kpi"("programmeId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

