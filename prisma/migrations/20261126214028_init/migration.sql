-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "apiLogin" TEXT NOT NULL,
    "apiPasswordEncrypted" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'SANDBOX',
    "corporationCode" TEXT NOT NULL DEFAULT 'CDSB2C',
    "syncIntervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "initialImportDays" INTEGER NOT NULL DEFAULT 30,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "initialTotalAmount" DECIMAL NOT NULL,
    "initialTotalShippingChargesAmount" DECIMAL NOT NULL,
    "validatedTotalAmount" DECIMAL NOT NULL,
    "validatedTotalShippingCharges" DECIMAL NOT NULL,
    "shippedTotalAmount" DECIMAL NOT NULL,
    "shippedTotalShippingCharges" DECIMAL NOT NULL,
    "siteCommissionPromisedAmount" DECIMAL NOT NULL,
    "siteCommissionValidatedAmount" DECIMAL NOT NULL,
    "siteCommissionShippedAmount" DECIMAL NOT NULL,
    "marketplaceCreatedAt" DATETIME NOT NULL,
    "marketplaceUpdatedAt" DATETIME,
    "shippingDateMin" DATETIME,
    "shippingDateMax" DATETIME,
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
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "purchasePrice" DECIMAL NOT NULL,
    "initialPrice" DECIMAL,
    "unitShippingCharges" DECIMAL NOT NULL,
    "unitAdditionalShippingCharges" DECIMAL NOT NULL,
    "deliveryDateMin" DATETIME,
    "deliveryDateMax" DATETIME,
    "shippingDateMin" DATETIME,
    "shippingDateMax" DATETIME,
    "hasClaim" BOOLEAN NOT NULL DEFAULT false,
    "refundShippingCharges" BOOLEAN,
    "isFeeLine" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "message" TEXT,
    "data" JSONB,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderNote_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MarketplaceAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "orderId" TEXT,
    "kind" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "result" JSONB,
    "requestedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "MarketplaceAction_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MarketplaceAction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MarketplaceAction_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "windowFrom" DATETIME,
    "windowTo" DATETIME,
    "windows" JSONB,
    "newCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    CONSTRAINT "SyncRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncState" (
    "shopId" TEXT NOT NULL PRIMARY KEY,
    "cursor" DATETIME,
    "lastSweepAt" DATETIME,
    "initialImportAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SyncState_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "shopId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "outcome" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditLog_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
