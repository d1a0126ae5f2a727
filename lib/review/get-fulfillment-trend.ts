// Fulfillment orders placed per Paris day or week of a range, per type: count and value.
// Periods first (CROSS JOIN fixes the order on SQLite): one index range per period.
import "server-only";
import { Prisma, type Db } from "@/lib/db/client";
import { isFulfillmentType, type FulfillmentType } from "@/lib/orders/fulfillment";
import { BUCKETS } from "@/lib/orders/status";
import { FULFILLMENT_TYPE_NAMES } from "./get-fulfillment-summary";
import { periodsOf, rangeInstants, type DayRange, type Granularity } from "./periods";
import { allOf, list, moneyOf, moneyText, numberOf, periodTable, reviewSql, type SqlNumber } from "./sql";

export interface FulfillmentTrendPoint {
  period: string;
  count: Record<FulfillmentType, number>;
  /** EUR, decimal strings. */
  value: Record<FulfillmentType, string>;
}

export async function getFulfillmentTrend(db: Db, { shopIds, range, granularity }: { shopIds: readonly string[]; range: DayRange; granularity: Granularity }): Promise<FulfillmentTrendPoint[]> {
  const periods = periodsOf(range, granularity);
  const sql = reviewSql(db);
  const { start, end } = rangeInstants(range);
  const rows = shopIds.length
    ? await db.$queryRaw<{ period: SqlNumber; type: string; n: SqlNumber; value: SqlNumber }[]>(
        Prisma.sql`SELECT p."period", o."fulfillmentType" AS "type", count(*) AS "n", ${moneyText(Prisma.sql`sum(o."initialTotalAmount")`)} AS "value"
          FROM ${periodTable(sql, periods)} p CROSS JOIN "Order" o
          WHERE ${allOf([
            Prisma.sql`o."marketplaceCreatedAt" >= p."start"`,
            Prisma.sql`o."marketplaceCreatedAt" < p."end"`,
            Prisma.sql`o."shopId" IN (${list(shopIds)})`,
            // Every bucket named: each period is a range of the (shopId, bucket, marketplaceCreatedAt) index.
            Prisma.sql`o."bucket" IN (${list(BUCKETS)})`,
            Prisma.sql`o."fulfillmentType" IN (${list(FULFILLMENT_TYPE_NAMES)})`,
            Prisma.sql`o."marketplaceCreatedAt" >= ${sql.date(start)}`,
            Prisma.sql`o."marketplaceCreatedAt" < ${sql.date(end)}`,
          ])}
          GROUP BY p."period", o."fulfillmentType"`,
      )
    : [];
  const zero = <T,>(value: T) => Object.fromEntries(FULFILLMENT_TYPE_NAMES.map((t) => [t, value])) as Record<FulfillmentType, T>;
  const points = periods.map((p) => ({ period: p.key, count: zero(0), value: zero("0.00") }));
  for (const row of rows) {
    const point = points[numberOf(row.period)];
    if (!point || !isFulfillmentType(row.type)) continue;
    point.count[row.type] += numberOf(row.n);
    point.value[row.type] = new Prisma.Decimal(point.value[row.type]).plus(moneyOf(row.value)).toFixed(2);
  }
  return points;
}
