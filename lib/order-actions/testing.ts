// Shared by the order-action tests (SQLite and PostgreSQL): shops with a sandbox account
// of their own, and sandbox orders in a given state, imported into the store as the sync does.
import type { Db } from "@/lib/db/client";
import type { Actor, ShopAccess } from "@/lib/auth/access";
import { testClient } from "@/lib/cdiscount/testing";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { MarketplaceOrder } from "@/lib/cdiscount/types";
import { encryptShopPassword } from "@/lib/shops/shop-secret";
import { OrderWriter } from "@/lib/sync/order-writer";
import { toOrderRecord } from "@/lib/sync/order-record";
import { chunks } from "./batches";

export interface TestShop {
  login: string;
  shopId: string;
  access: ShopAccess;
  /** A client of the shop's sandbox account, for the test's own calls. */
  client: ReturnType<typeof testClient>;
}

/** The product reaches the sandbox through its own client factory (CDISCOUNT_SANDBOX_URL). */
export async function createTestShop(db: Db, sandbox: SandboxProcess, seller: Actor, login: string): Promise<TestShop> {
  await sandbox.admin.createAccount(login, "pw");
  const shop = await db.shop.create({ data: { name: login, apiLogin: login, apiPasswordEncrypted: "", environment: "SANDBOX" } });
  await db.shop.update({ where: { id: shop.id }, data: { apiPasswordEncrypted: encryptShopPassword(shop.id, "pw") } });
  await db.membership.create({ data: { userId: seller.id, shopId: shop.id, role: "SELLER" } });
  return { login, shopId: shop.id, access: { actor: seller, shopId: shop.id, role: "SELLER" }, client: testClient(sandbox.url, login, "pw") };
}

export const awaitingShipment =
  (shippingCode = "TRK") =>
  (o: MarketplaceOrder) => {
    o.orderState = "WaitingForShipmentAcceptation";
    o.status = "Validated";
    o.shippingCode = shippingCode;
    for (const l of o.lines) if (l.sellerProductId) l.acceptationState = "AcceptedBySeller";
  };

export const alreadyShipped = (o: MarketplaceOrder) => {
  o.orderState = "Shipped";
  o.status = "Completed";
  for (const l of o.lines) if (l.sellerProductId) l.acceptationState = "ShippedBySeller";
};

/** Fresh sandbox orders, frozen (no marketplace event on their own), shaped (each by its index), then stored. */
export async function seedStoredOrders(db: Db, sandbox: SandboxProcess, shop: TestShop, count: number, shape?: (o: MarketplaceOrder, index: number) => void) {
  const { orderNumbers } = await sandbox.admin.seed(shop.login, count, { kind: "seller", state: "fresh", frozen: true });
  if (shape) {
    let shaped = 0;
    // Read twenty at a time, written back a hundred at a time: the crash suite shapes thousands.
    for (const batch of chunks(orderNumbers, 100)) {
      const entries = [];
      for (const part of chunks(batch, 20)) entries.push(...(await Promise.all(part.map((n) => sandbox.admin.order(shop.login, n)))));
      for (const entry of entries) shape(entry.order, shaped++);
      await sandbox.admin.putOrders(shop.login, entries);
    }
  }
  const writer = new OrderWriter(db);
  const stored = [];
  try {
    for (const batch of chunks(orderNumbers, 500)) {
      const { orders } = await shop.client.getOrders({ orderReferenceList: batch, fetchOrderLines: true });
      await writer.write(shop.shopId, orders.map(toOrderRecord));
      stored.push(...(await db.order.findMany({ where: { shopId: shop.shopId, orderNumber: { in: batch } }, include: { lines: { orderBy: { position: "asc" } } } })));
    }
  } finally {
    await writer.close();
  }
  const byNumber = new Map(stored.map((o) => [o.orderNumber, o]));
  return orderNumbers.map((n) => byNumber.get(n)!);
}
