-- DropIndex
DROP INDEX "Order_shopId_shippingDateMax_idx";

-- CreateIndex
CREATE INDEX "Order_shopId_bucket_shippingDateMax_idx" ON "Order"("shopId", "bucket", "shippingDateMax");

-- CreateIndex
CREATE INDEX "Order_shopId_bucket_initialTotalAmount_idx" ON "Order"("shopId", "bucket", "initialTotalAmount");

-- CreateIndex
CREATE INDEX "Order_shopId_bucket_orderNumber_idx" ON "Order"("shopId", "bucket", "orderNumber");
