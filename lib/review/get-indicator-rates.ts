// The two rates Cdiscount judges sellers on, over its 30- and 60-day windows: the
// cancellation rate and the late-shipment rate, as defined in definitions.ts.
import "server-only";
import { Prisma, type Db } from "@/lib/db/client";
import { CANCELED_STATUSES, SELLER_CAUSES, causeOf } from "./cancellation-causes";
import { INDICATOR_WINDOWS, LATE_JUDGED_STATUSES, SHIPPED_AT, WAITING_ON_SELLER, type IndicatorWindow } from "./definitions";
import { BUCKETS } from "@/lib/orders/status";
import { allOf, list, numberOf, reviewSql, type ReviewSql, type SqlNumber } from "./sql";

export interface Rate {
  /** Orders that count against the seller. */
  count: number;
  /** Orders judged. */
  of: number;
  /** count / of, between 0 and 1; null when no order was judged. */
  rate: number | null;
}

export interface IndicatorRates {
  window: IndicatorWindow;
  /** ISO instants: [from, to). */
  from: string;
  to: string;
  cancellation: Rate;
  /** Cancellations by the seller's refusals or deadlines only (SELLER_CAUSES). */
  sellerCancellation: Rate;
  lateShipment: Rate;
}

const DAY_MS = 86_400_000;
const rate = (count: number, of: number): Rate => ({ count, of, rate: of > 0 ? count / of : null });
const SELLER_CAUSED = CANCELED_STATUSES.filter((s) => SELLER_CAUSES.includes(causeOf(s)));

async function cancellation(db: Db, sql: ReviewSql, shopIds: readonly string[], from: Date, to: Date) {
  // Every bucket named, so the (shopId, bucket, marketplaceCreatedAt) index serves the range.
  const [row] = await db.$queryRaw<{ placed: SqlNumber; canceled: SqlNumber; sellerCaused: SqlNumber }[]>(
    Prisma.sql`SELECT count(*) AS "placed",
        sum(CASE WHEN o."bucket" = 'CANCELED' THEN 1 ELSE 0 END) AS "canceled",
        sum(CASE WHEN o."status" IN (${list(SELLER_CAUSED)}) THEN 1 ELSE 0 END) AS "sellerCaused"
      FROM "Order" o
      WHERE ${allOf([
        Prisma.sql`o."shopId" IN (${list(shopIds)})`,
        Prisma.sql`o."bucket" IN (${list(BUCKETS)})`,
        Prisma.sql`o."marketplaceCreatedAt" >= ${sql.date(from)}`,
        Prisma.sql`o."marketplaceCreatedAt" < ${sql.date(to)}`,
      ])}`,
  );
  const placed = numberOf(row?.placed ?? 0);
  return { cancellation: rate(numberOf(row?.canceled ?? 0), placed), sellerCancellation: rate(numberOf(row?.sellerCaused ?? 0), placed) };
}

async function lateShipment(db: Db, sql: ReviewSql, shopIds: readonly string[], from: Date, to: Date): Promise<Rate> {
  const [row] = await db.$queryRaw<{ judged: SqlNumber; late: SqlNumber }[]>(
    Prisma.sql`SELECT count(*) AS "judged",
        sum(CASE WHEN o."status" IN (${list(WAITING_ON_SELLER)}) OR ${SHIPPED_AT} > o."shippingDateMax" THEN 1 ELSE 0 END) AS "late"
      FROM "Order" o
      WHERE ${allOf([
        Prisma.sql`o."shopId" IN (${list(shopIds)})`,
        Prisma.sql`o."shippingDateMax" >= ${sql.date(from)}`,
        Prisma.sql`o."shippingDateMax" < ${sql.date(to)}`,
        Prisma.sql`o."fulfillmentType" IS NULL`,
        Prisma.sql`o."status" IN (${list(LATE_JUDGED_STATUSES)})`,
      ])}`,
  );
  return rate(numberOf(row?.late ?? 0), numberOf(row?.judged ?? 0));
}

/** Both rates over each window ending at `now`, for the given shops together. */
export async function getIndicatorRates(db: Db, { shopIds, now }: { shopIds: readonly string[]; now: Date }): Promise<IndicatorRates[]> {
  const sql = reviewSql(db);
  return Promise.all(
    INDICATOR_WINDOWS.map(async (window) => {
      const from = new Date(now.getTime() - window * DAY_MS);
      if (!shopIds.length) return { window, from: from.toISOString(), to: now.toISOString(), cancellation: rate(0, 0), sellerCancellation: rate(0, 0), lateShipment: rate(0, 0) };
      const [c, late] = await Promise.all([cancellation(db, sql, shopIds, from, now), lateShipment(db, sql, shopIds, from, now)]);
      return { window, from: from.toISOString(), to: now.toISOString(), ...c, lateShipment: late };
    }),
  );
}
