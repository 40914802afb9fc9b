-- CreateTable
CREATE TABLE "PackRequest" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "boardPackId" INTEGER,
    "visitPack" TEXT,
    "format" TEXT,
    "shareUntil" DATETIME NOT NULL,
    "sharedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("workspaceId", "key")
);

