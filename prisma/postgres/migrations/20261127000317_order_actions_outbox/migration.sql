/*
  Warnings:

  - A unique constraint covering the columns `[openOrderKey]` on the table `MarketplaceAction` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "MarketplaceAction" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "openOrderKey" TEXT;

-- CreateTable
CREATE TABLE "CarrierCache" (
    "shopId" TEXT NOT NULL,
    "carriers" JSONB NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarrierCache_pkey" PRIMARY KEY ("shopId")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "shopId" TEXT,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_name_key" ON "SavedView"("userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceAction_openOrderKey_key" ON "MarketplaceAction"("openOrderKey");

-- CreateIndex
CREATE INDEX "MarketplaceAction_batchId_idx" ON "MarketplaceAction"("batchId");

-- AddForeignKey
ALTER TABLE "CarrierCache" ADD CONSTRAINT "CarrierCache_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
