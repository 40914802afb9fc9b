-- AlterTable
ALTER TABLE "Kpi" ADD COLUMN     "frequency" TEXT NOT NULL DEFAULT 'monthly';

