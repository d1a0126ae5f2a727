-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "requestedById" TEXT,
ADD COLUMN     "unreadableCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "windowsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "windowsTotal" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "SyncRun_shopId_status_idx" ON "SyncRun"("shopId", "status");
