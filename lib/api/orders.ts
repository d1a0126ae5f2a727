// The REST API's reads: a shop's orders in the order a back office imports them (by the
// marketplace's update time, then id), one page after another from an opaque cursor, and
// one order. The queue's SQL (lib/orders/queue.ts) serves the seller's views and sorts;
// this walk needs none of them, only the (shopId, marketplaceUpdatedAt) index.
import "server-only";
import type { Db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { isStorableInstant } from "@/lib/db/instants";
import { API_ORDER_SELECT, serializeOrder } from "./serialize";
import type { ApiOrder, ApiOrderPage, ListOrdersQuery } from "./schemas";

/** A page's end: the last order's update time and id. */
interface Position {
  updatedAt: Date;
  id: string;
}

export function encodeCursor({ updatedAt, id }: Position): string {
  return Buffer.from(JSON.stringify([updatedAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const updatedAt = typeof at === "string" ? new Date(at) : null;
    if (updatedAt && isStorableInstant(updatedAt) && typeof id === "string" && id.length > 0) return { updatedAt, id };
  } catch {
    // Falls through: the same answer as any other unreadable cursor.
  }
  throw new AppError("INVALID_INPUT", { message: "Unreadable cursor", fieldErrors: { cursor: ["invalidFormat"] } });
}

/**
 * One page, oldest update first. Keyset, not offset: an order updated while a client
 * pages moves behind the cursor and comes again on a later page, never skipped.
 */
export async function listApiOrders(db: Db, { shopId, query }: { shopId: string; query: ListOrdersQuery }): Promise<ApiOrderPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.OrderWhereInput = {
    shopId,
    marketplaceUpdatedAt: {
      not: null,
      ...(query.updated_from ? { gte: new Date(query.updated_from) } : {}),
      ...(query.updated_to ? { lt: new Date(query.updated_to) } : {}),
    },
    ...(query.status ? { status: query.status } : {}),
    ...(query.bucket ? { bucket: query.bucket } : {}),
    ...(query.delivered_by_marketplace !== undefined ? { deliveredByMarketplace: query.delivered_by_marketplace } : {}),
    // A range plus a tie test, so that the range alone walks the index.
    ...(after
      ? { AND: [{ marketplaceUpdatedAt: { gte: after.updatedAt } }, { OR: [{ marketplaceUpdatedAt: { gt: after.updatedAt } }, { id: { gt: after.id } }] }] }
      : {}),
  };
  const rows = await db.order.findMany({
    where,
    orderBy: [{ marketplaceUpdatedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: API_ORDER_SELECT,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(serializeOrder),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ updatedAt: last.marketplaceUpdatedAt!, id: last.id }) : null,
  };
}

/** Another shop's order is NOT_FOUND, exactly like a missing one. */
export async function getApiOrderOrThrow(db: Db, { shopId, orderId }: { shopId: string; orderId: string }): Promise<ApiOrder> {
  const order = await db.order.findFirst({ where: { id: orderId, shopId }, select: API_ORDER_SELECT });
  if (!order) throw new AppError("NOT_FOUND", { message: `No order ${orderId} in shop ${shopId}` });
  return serializeOrder(order);
}
