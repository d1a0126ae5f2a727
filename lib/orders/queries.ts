import "server-only";
import { db } from "@/lib/db/client";
import { BUCKETS, type Bucket } from "./status";

export async function countOrdersByBucket(shopId: string): Promise<Record<Bucket, number>> {
  const rows = await db.order.groupBy({ by: ["bucket"], where: { shopId }, _count: { _all: true } });
  const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
  for (const row of rows) {
    if ((BUCKETS as readonly string[]).includes(row.bucket)) counts[row.bucket as Bucket] = row._count._all;
  }
  return counts;
}
