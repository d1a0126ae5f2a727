-- CreateEnum
CREATE TYPE "ShopEnvironment" AS ENUM ('SANDBOX', 'PREPRODUCTION', 'PRODUCTION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('SELLER', 'MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "MarketplaceActionKind" AS ENUM ('ACCEPT', 'REFUSE', 'SHIP', 'REFUSE_SHIPMENT', 'REFUND');

-- CreateEnum
CREATE TYPE "MarketplaceActionStatus" AS ENUM ('PENDING', 'SENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "SyncRunKind" AS ENUM ('INCREMENTAL', 'DAILY_SWEEP', 'INITIAL_IMPORT', 'MANUAL');

-- CreateEnum
CREATE TYPE "SyncRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "apiLogin" TEXT NOT NULL,
    "apiPasswordEncrypted" TEXT NOT NULL,
    "environment" "ShopEnvironment" NOT NULL DEFAULT 'SANDBOX',
    "corporationCode" TEXT NOT NULL DEFAULT 'CDSB2C',
    "syncIntervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "initialImportDays" INTEGER NOT NULL DEFAULT 30,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "marketplaceState" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "paymentStatus" TEXT,
    "validationStatus" TEXT,
    "corporationCode" TEXT,
    "shippingCode" TEXT,
    "modGesLog" TEXT,
    "fulfillmentType" TEXT,
    "isCLogistiqueOrder" BOOLEAN NOT NULL DEFAULT false,
    "deliveredByMarketplace" BOOLEAN NOT NULL DEFAULT false,
    "hasClaims" BOOLEAN NOT NULL DEFAULT false,
    "partnerOrderRef" TEXT,
    "initialTotalAmount" DECIMAL(65,30) NOT NULL,
    "initialTotalShippingChargesAmount" DECIMAL(65,30) NOT NULL,
    "validatedTotalAmount" DECIMAL(65,30) NOT NULL,
    "validatedTotalShippingCharges" DECIMAL(65,30) NOT NULL,
    "shippedTotalAmount" DECIMAL(65,30) NOT NULL,
    "shippedTotalShippingCharges" DECIMAL(65,30) NOT NULL,
    "siteCommissionPromisedAmount" DECIMAL(65,30) NOT NULL,
    "siteCommissionValidatedAmount" DECIMAL(65,30) NOT NULL,
    "siteCommissionShippedAmount" DECIMAL(65,30) NOT NULL,
    "marketplaceCreatedAt" TIMESTAMP(3) NOT NULL,
    "marketplaceUpdatedAt" TIMESTAMP(3),
    "shippingDateMin" TIMESTAMP(3),
    "shippingDateMax" TIMESTAMP(3),
    "customerId" TEXT,
    "customerCivility" TEXT,
    "customerFirstName" TEXT,
    "customerLastName" TEXT,
    "customerEmail" TEXT,
    "customerEncryptedEmail" TEXT,
    "customerPhone" TEXT,
    "customerMobilePhone" TEXT,
    "shippingAddress" JSONB,
    "billingAddress" JSONB,
    "carrierName" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sellerProductId" TEXT,
    "sku" TEXT,
    "productId" TEXT,
    "productEan" TEXT,
    "name" TEXT,
    "categoryCode" TEXT,
    "productCondition" TEXT,
    "acceptationState" TEXT,
    "quantity" INTEGER NOT NULL,
    "purchasePrice" DECIMAL(65,30) NOT NULL,
    "initialPrice" DECIMAL(65,30),
    "unitShippingCharges" DECIMAL(65,30) NOT NULL,
    "unitAdditionalShippingCharges" DECIMAL(65,30) NOT NULL,
    "deliveryDateMin" TIMESTAMP(3),
    "deliveryDateMax" TIMESTAMP(3),
    "shippingDateMin" TIMESTAMP(3),
    "shippingDateMax" TIMESTAMP(3),
    "hasClaim" BOOLEAN NOT NULL DEFAULT false,
    "refundShippingCharges" BOOLEAN,
    "isFeeLine" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "message" TEXT,
    "data" JSONB,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderNote" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketplaceAction" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT,
    "kind" "MarketplaceActionKind" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "MarketplaceActionStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "result" JSONB,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "MarketplaceAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "kind" "SyncRunKind" NOT NULL,
    "status" "SyncRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "windowFrom" TIMESTAMP(3),
    "windowTo" TIMESTAMP(3),
    "windows" JSONB,
    "newCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncState" (
    "shopId" TEXT NOT NULL,
    "cursor" TIMESTAMP(3),
    "lastSweepAt" TIMESTAMP(3),
    "initialImportAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncState_pkey" PRIMARY KEY ("shopId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "shopId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "outcome" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_shopId_idx" ON "Membership"("shopId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_shopId_key" ON "Membership"("userId", "shopId");

-- CreateIndex
CREATE INDEX "Order_shopId_bucket_marketplaceCreatedAt_idx" ON "Order"("shopId", "bucket", "marketplaceCreatedAt");

-- CreateIndex
CREATE INDEX "Order_shopId_status_idx" ON "Order"("shopId", "status");

-- CreateIndex
CREATE INDEX "Order_shopId_shippingDateMax_idx" ON "Order"("shopId", "shippingDateMax");

-- CreateIndex
CREATE INDEX "Order_shopId_marketplaceUpdatedAt_idx" ON "Order"("shopId", "marketplaceUpdatedAt");

-- CreateIndex
CREATE INDEX "Order_shopId_customerLastName_idx" ON "Order"("shopId", "customerLastName");

-- CreateIndex
CREATE INDEX "Order_shopId_trackingNumber_idx" ON "Order"("shopId", "trackingNumber");

-- CreateIndex
CREATE INDEX "Order_shopId_fulfillmentType_idx" ON "Order"("shopId", "fulfillmentType");

-- CreateIndex
CREATE UNIQUE INDEX "Order_shopId_orderNumber_key" ON "Order"("shopId", "orderNumber");

-- CreateIndex
CREATE INDEX "OrderLine_sellerProductId_idx" ON "OrderLine"("sellerProductId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_position_key" ON "OrderLine"("orderId", "position");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_occurredAt_idx" ON "OrderEvent"("orderId", "occurredAt");

-- CreateIndex
CREATE INDEX "OrderNote_orderId_createdAt_idx" ON "OrderNote"("orderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceAction_idempotencyKey_key" ON "MarketplaceAction"("idempotencyKey");

-- CreateIndex
CREATE INDEX "MarketplaceAction_status_nextAttemptAt_idx" ON "MarketplaceAction"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MarketplaceAction_shopId_status_idx" ON "MarketplaceAction"("shopId", "status");

-- CreateIndex
CREATE INDEX "MarketplaceAction_orderId_idx" ON "MarketplaceAction"("orderId");

-- CreateIndex
CREATE INDEX "SyncRun_shopId_startedAt_idx" ON "SyncRun"("shopId", "startedAt");

-- CreateIndex
CREATE INDEX "AuditLog_shopId_createdAt_idx" ON "AuditLog"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderNote" ADD CONSTRAINT "OrderNote_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderNote" ADD CONSTRAINT "OrderNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketplaceAction" ADD CONSTRAINT "MarketplaceAction_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketplaceAction" ADD CONSTRAINT "MarketplaceAction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketplaceAction" ADD CONSTRAINT "MarketplaceAction_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncState" ADD CONSTRAINT "SyncState_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE SET NULL ON UPDATE CASCADE;
