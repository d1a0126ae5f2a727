// Orders placed per Paris day or week of a range, by the bucket they are in now: the
// "orders per day" chart.
import "server-only";
import { Prisma, type Db } from "@/lib/db/client";
import { BUCKETS, type Bucket } from "@/lib/orders/status";
import { periodsOf, rangeInstants, type DayRange, type Granularity } from "./periods";
import { allOf, list, numberOf, periodTable, reviewSql, type SqlNumber } from "./sql";

export interface OrdersPerPeriod {
  /** The period's first Paris day (YYYY-MM-DD). */
  period: string;
  total: number;
  byBucket: Record<Bucket, number>;
}

export async function countOrdersPerPeriod(db: Db, { shopIds, range, granularity }: { shopIds: readonly string[]; range: DayRange; granularity: Granularity }): Promise<OrdersPerPeriod[]> {
  const periods = periodsOf(range, granularity);
  const sql = reviewSql(db);
  const { start, end } = rangeInstants(range);
  const rows = shopIds.length
    ? await db.$queryRaw<{ period: SqlNumber; bucket: string; n: SqlNumber }[]>(
        // Every bucket named, so each one's (shopId, bucket, marketplaceCreatedAt) range is walked,
        // once per period: the CROSS JOIN keeps SQLite from scanning the orders and testing each
        // against every period (20x slower over a year). PostgreSQL plans it either way.
        Prisma.sql`SELECT p."period", o."bucket", count(*) AS "n"
          FROM ${periodTable(sql, periods)} p CROSS JOIN "Order" o
          WHERE ${allOf([
            Prisma.sql`o."marketplaceCreatedAt" >= p."start"`,
            Prisma.sql`o."marketplaceCreatedAt" < p."end"`,
            Prisma.sql`o."shopId" IN (${list(shopIds)})`,
            Prisma.sql`o."bucket" IN (${list(BUCKETS)})`,
            Prisma.sql`o."marketplaceCreatedAt" >= ${sql.date(start)}`,
            Prisma.sql`o."marketplaceCreatedAt" < ${sql.date(end)}`,
          ])}
          GROUP BY p."period", o."bucket"`,
      )
    : [];
  const points = periods.map((p) => ({ period: p.key, total: 0, byBucket: Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number> }));
  for (const row of rows) {
    const point = points[numberOf(row.period)];
    if (!point || !(BUCKETS as readonly string[]).includes(row.bucket)) continue;
    point.byBucket[row.bucket as Bucket] += numberOf(row.n);
    point.total += numberOf(row.n);
  }
  return points;
}
