// Fulfillment orders (shipped by Cdiscount: MKPFBC, or by an external logistician:
// EXTFBC) placed in a range: per type and status, how many and for what value, next to
// all the orders placed in the range.
import "server-only";
import { Prisma, type Db } from "@/lib/db/client";
import { FULFILLMENT_TYPES, isFulfillmentType, type FulfillmentType } from "@/lib/orders/fulfillment";
import { BUCKETS, DISPLAYED_STATUSES, OTHER_STATUS, isDisplayedStatus, type DisplayedStatus } from "@/lib/orders/status";
import { rangeInstants, type DayRange } from "./periods";
import { allOf, list, moneyOf, moneyText, numberOf, reviewSql, type SqlNumber } from "./sql";

export const FULFILLMENT_TYPE_NAMES = Object.keys(FULFILLMENT_TYPES) as FulfillmentType[];

export interface FulfillmentFigure {
  count: number;
  /** EUR, decimal string: the sum of initialTotalAmount. */
  value: string;
}

export interface FulfillmentSummary {
  /** Every order placed in the range, whoever ships it: the share's denominator. */
  allOrders: FulfillmentFigure;
  types: (FulfillmentFigure & {
    type: FulfillmentType;
    /** The statuses its orders are in, in status.ts order; only those with orders. */
    statuses: (FulfillmentFigure & { status: DisplayedStatus })[];
  })[];
}

export async function getFulfillmentSummary(db: Db, { shopIds, range }: { shopIds: readonly string[]; range: DayRange }): Promise<FulfillmentSummary> {
  const sql = reviewSql(db);
  const { start, end } = rangeInstants(range);
  const placed = [
    Prisma.sql`o."shopId" IN (${list(shopIds)})`,
    // Every bucket named, so the (shopId, bucket, marketplaceCreatedAt) index serves the range.
    Prisma.sql`o."bucket" IN (${list(BUCKETS)})`,
    Prisma.sql`o."marketplaceCreatedAt" >= ${sql.date(start)}`,
    Prisma.sql`o."marketplaceCreatedAt" < ${sql.date(end)}`,
  ];
  const [rows, totals] = shopIds.length
    ? await Promise.all([
        db.$queryRaw<{ type: string; status: string; n: SqlNumber; value: SqlNumber }[]>(
          Prisma.sql`SELECT o."fulfillmentType" AS "type", o."status", count(*) AS "n", ${moneyText(Prisma.sql`sum(o."initialTotalAmount")`)} AS "value"
            FROM "Order" o WHERE ${allOf([...placed, Prisma.sql`o."fulfillmentType" IN (${list(FULFILLMENT_TYPE_NAMES)})`])}
            GROUP BY o."fulfillmentType", o."status"`,
        ),
        db.$queryRaw<{ n: SqlNumber; value: SqlNumber }[]>(Prisma.sql`SELECT count(*) AS "n", ${moneyText(Prisma.sql`sum(o."initialTotalAmount")`)} AS "value" FROM "Order" o WHERE ${allOf(placed)}`),
      ])
    : [[], []];
  const rank = new Map(DISPLAYED_STATUSES.map((s, i) => [s, i]));
  return {
    allOrders: { count: numberOf(totals[0]?.n ?? 0), value: moneyOf(totals[0]?.value ?? 0) },
    types: FULFILLMENT_TYPE_NAMES.map((type) => {
      const statuses = new Map<DisplayedStatus, { count: number; value: Prisma.Decimal }>();
      for (const row of rows) {
        if (!isFulfillmentType(row.type) || row.type !== type) continue;
        const status = isDisplayedStatus(row.status) ? row.status : OTHER_STATUS;
        const f = statuses.get(status) ?? { count: 0, value: new Prisma.Decimal(0) };
        statuses.set(status, { count: f.count + numberOf(row.n), value: f.value.plus(moneyOf(row.value)) });
      }
      const list = [...statuses].sort(([a], [b]) => rank.get(a)! - rank.get(b)!).map(([status, f]) => ({ status, count: f.count, value: f.value.toFixed(2) }));
      const total = list.reduce((sum, s) => ({ count: sum.count + s.count, value: sum.value.plus(s.value) }), { count: 0, value: new Prisma.Decimal(0) });
      return { type, count: total.count, value: total.value.toFixed(2), statuses: list };
    }),
  };
}
