-- CreateTable
CREATE TABLE "PackRequest" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "boardPackId" INTEGER,
    "visitPack" TEXT,
    "format" TEXT,
    "shareUntil" TIMESTAMP(3) NOT NULL,
    "sharedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PackRequest_pkey" PRIMARY KEY ("workspaceId","key")
);

