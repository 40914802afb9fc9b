-- AlterTable
ALTER TABLE "Workspace" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Person" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Programme" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Workstream" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Project" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "RagChange" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Update" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Action" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ActionEvent" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Kpi" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "KpiReading" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Recommendation" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "AuditLog" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ProcessedRequest" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "DigestRun" ALTER COLUMN "claimedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ReminderLog" ALTER COLUMN "createdAt" DROP DEFAULT;

