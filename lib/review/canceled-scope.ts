// The orders a canceled review reads: the given shops' orders in the CANCELED bucket
// whose canceledAt (definitions.ts) falls in a range of Paris days, optionally narrowed to
// some canceled statuses. The summary, the trend and the list all start from here, so
// their figures always agree.
import "server-only";
import { Prisma } from "@/lib/db/client";
import { CANCELED_AT, mayBeCanceledSince } from "./definitions";
import { rangeInstants, type DayRange } from "./periods";
import { allOf, list, type ReviewSql } from "./sql";
import type { CanceledStatus } from "./cancellation-causes";

export interface CanceledScope {
  shopIds: readonly string[];
  range: DayRange;
  /** Only these statuses (a facet or a cause); null for every canceled status. */
  statuses?: readonly CanceledStatus[] | null;
}

/**
 * `WITH "canceledOrder" AS MATERIALIZED (...)`, to put before a SELECT that reads
 * "canceledOrder" (id, shopId, orderNumber, status, amount, fulfillmentType, createdAt,
 * canceledAt). Materialized: each order's canceledAt is worked out once, from the
 * CANCELED bucket's index range, whatever the outer query groups or sorts by (left to
 * itself, SQLite walks the status index to group by status, through every order).
 */
export function withCanceledOrders(sql: ReviewSql, { shopIds, range, statuses }: CanceledScope): Prisma.Sql {
  const { start, end } = rangeInstants(range);
  const conditions = [
    Prisma.sql`o."shopId" IN (${list(shopIds)})`,
    Prisma.sql`o."bucket" = 'CANCELED'`,
    ...(statuses ? [statuses.length ? Prisma.sql`o."status" IN (${list(statuses)})` : Prisma.sql`1 = 0`] : []),
    // Cuts the orders canceled before the range without working out their canceledAt.
    mayBeCanceledSince(sql.date(start)),
  ];
  return Prisma.sql`WITH "canceledOrder" AS MATERIALIZED (SELECT * FROM (
      SELECT o."id", o."shopId", o."orderNumber", o."status", o."initialTotalAmount" AS "amount", o."fulfillmentType", o."marketplaceCreatedAt" AS "createdAt", ${CANCELED_AT} AS "canceledAt"
      FROM "Order" o WHERE ${allOf(conditions)}
    ) inRange WHERE inRange."canceledAt" >= ${sql.date(start)} AND inRange."canceledAt" < ${sql.date(end)}) `;
}
