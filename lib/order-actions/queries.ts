// Lookups the order actions share. An order outside the caller's shops is NOT_FOUND,
// exactly like a missing one: nobody learns that another shop's order exists.
import "server-only";
import type { Db } from "@/lib/db/client";
import { OrderActionError } from "./problems";

/** The shop an order belongs to, to authorize before anything else is read. */
export async function getOrderShopIdOrThrow(db: Db, orderId: string): Promise<string> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { shopId: true } });
  if (!order) throw orderNotFound(orderId);
  return order.shopId;
}

export function orderNotFound(orderId: string): OrderActionError {
  return new OrderActionError("NOT_FOUND", { key: "orderNotFound" }, { message: `No order ${orderId} in this shop` });
}
