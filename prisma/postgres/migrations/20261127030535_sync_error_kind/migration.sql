-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "errorKind" TEXT;
