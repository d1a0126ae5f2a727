// The fulfillment review's orders, for its export: orders placed in a range (the
// summary's own scope) that Cdiscount (MKPFBC) or an external logistician (EXTFBC) ships,
// newest first, a page of ids at a time (keyset on marketplaceCreatedAt, then id).
import "server-only";
import type { Db, Prisma } from "@/lib/db/client";
import { BUCKETS } from "@/lib/orders/status";
import { FULFILLMENT_TYPE_NAMES } from "./get-fulfillment-summary";
import { rangeInstants, type DayRange } from "./periods";
import { decodeCursor, encodeCursor } from "./sql";

export async function listFulfillmentOrderIds(
  db: Db,
  { shopIds, range, after = null, limit }: { shopIds: readonly string[]; range: DayRange; after?: string | null; limit: number },
): Promise<{ ids: string[]; nextCursor: string | null }> {
  if (!shopIds.length) return { ids: [], nextCursor: null };
  const { start, end } = rangeInstants(range);
  const cursor = decodeCursor(after);
  const where: Prisma.OrderWhereInput = {
    shopId: { in: [...shopIds] },
    // Every bucket named, so the (shopId, bucket, marketplaceCreatedAt) index serves the range.
    bucket: { in: [...BUCKETS] },
    fulfillmentType: { in: FULFILLMENT_TYPE_NAMES },
    marketplaceCreatedAt: { gte: start, lt: end },
    ...(cursor ? { OR: [{ marketplaceCreatedAt: { lt: new Date(cursor.value) } }, { marketplaceCreatedAt: new Date(cursor.value), id: { lt: cursor.id } }] } : {}),
  };
  const rows = await db.order.findMany({ where, orderBy: [{ marketplaceCreatedAt: "desc" }, { id: "desc" }], take: limit + 1, select: { id: true, marketplaceCreatedAt: true } });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((r) => r.id), nextCursor: rows.length > limit && last ? encodeCursor(last.marketplaceCreatedAt.toISOString(), last.id) : null };
}
