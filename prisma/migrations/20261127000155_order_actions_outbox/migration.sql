/*
  Warnings:

  - A unique constraint covering the columns `[openOrderKey]` on the table `MarketplaceAction` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "MarketplaceAction" ADD COLUMN "batchId" TEXT;
ALTER TABLE "MarketplaceAction" ADD COLUMN "lockedBy" TEXT;
ALTER TABLE "MarketplaceAction" ADD COLUMN "openOrderKey" TEXT;

-- CreateTable
CREATE TABLE "CarrierCache" (
    "shopId" TEXT NOT NULL PRIMARY KEY,
    "carriers" JSONB NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    CONSTRAINT "CarrierCache_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "shopId" TEXT,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_name_key" ON "SavedView"("userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceAction_openOrderKey_key" ON "MarketplaceAction"("openOrderKey");

-- CreateIndex
CREATE INDEX "MarketplaceAction_batchId_idx" ON "MarketplaceAction"("batchId");
