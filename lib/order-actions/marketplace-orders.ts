// Re-reading orders from the marketplace after an action (Cdiscount's own advice,
// reference §1.6) and storing them the way the sync does, so the desk shows the
// confirmed state and the timeline gets the marketplace's state change.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { MarketplaceClient } from "@/lib/cdiscount/marketplace-client";
import { ORDER_STATE_ENUM, type MarketplaceOrder } from "@/lib/cdiscount/types";
import { OrderWriter } from "@/lib/sync/order-writer";
import { toOrderRecord } from "@/lib/sync/order-record";

export { ORDERS_PER_CALL, chunks } from "./batches";
import { chunks } from "./batches";

/** The marketplace's current version of each order, by number; unknown numbers are absent. */
export async function readMarketplaceOrders(client: MarketplaceClient, orderNumbers: readonly string[]): Promise<Map<string, MarketplaceOrder>> {
  const found = new Map<string, MarketplaceOrder>();
  for (const batch of chunks([...new Set(orderNumbers)])) {
    // With order numbers Cdiscount ignores every other filter; States goes along anyway
    // so the request stays valid for an API that insists on it (the sync sends all states too).
    const { orders } = await client.getOrders({ orderReferenceList: batch, states: [...ORDER_STATE_ENUM], fetchOrderLines: true });
    for (const order of orders) found.set(order.orderNumber, order);
  }
  return found;
}

export async function storeMarketplaceOrders(db: Db, shopId: string, orders: readonly MarketplaceOrder[]): Promise<void> {
  if (orders.length === 0) return;
  const writer = new OrderWriter(db);
  try {
    await writer.write(shopId, orders.map(toOrderRecord));
  } finally {
    await writer.close();
  }
}
