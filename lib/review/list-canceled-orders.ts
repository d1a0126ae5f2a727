// The canceled orders of a range, most recently canceled first, a page at a time
// (keyset on canceledAt, then id).
import "server-only";
import { Prisma, type Db } from "@/lib/db/client";
import { causeOf, isCanceledStatus, type CanceledStatus, type CancellationCause } from "./cancellation-causes";
import { withCanceledOrders } from "./canceled-scope";
import type { DayRange } from "./periods";
import { decodeCursor, encodeCursor, isoOf, moneyOf, moneyText, reviewSql, type SqlDate, type SqlNumber } from "./sql";
import { isFulfillmentType, type FulfillmentType } from "@/lib/orders/fulfillment";

export const CANCELED_PAGE_SIZE = 50;

export interface CanceledOrderRow {
  id: string;
  shopId: string;
  orderNumber: string;
  status: CanceledStatus;
  cause: CancellationCause;
  /** ISO instant, see definitions.ts. */
  canceledAt: string;
  createdAt: string;
  /** EUR, decimal string. */
  amount: string;
  fulfillmentType: FulfillmentType | null;
}

export interface CanceledOrdersPage {
  rows: CanceledOrderRow[];
  /** The next page's `after`, null on the last page. */
  nextCursor: string | null;
}

export async function listCanceledOrders(
  db: Db,
  { shopIds, range, statuses = null, after = null, limit = CANCELED_PAGE_SIZE }: { shopIds: readonly string[]; range: DayRange; statuses?: readonly CanceledStatus[] | null; after?: string | null; limit?: number },
): Promise<CanceledOrdersPage> {
  if (!shopIds.length) return { rows: [], nextCursor: null };
  const sql = reviewSql(db);
  const cursor = decodeCursor(after);
  const beyond = cursor
    ? Prisma.sql`WHERE c."canceledAt" < ${sql.date(new Date(cursor.value))} OR (c."canceledAt" = ${sql.date(new Date(cursor.value))} AND c."id" < ${cursor.id})`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; shopId: string; orderNumber: string; status: string; amount: SqlNumber; fulfillmentType: string | null; createdAt: SqlDate; canceledAt: SqlDate }[]>(
    Prisma.sql`${withCanceledOrders(sql, { shopIds, range, statuses })}SELECT c."id", c."shopId", c."orderNumber", c."status", ${moneyText(Prisma.sql`c."amount"`)} AS "amount", c."fulfillmentType", c."createdAt", c."canceledAt"
      FROM "canceledOrder" c ${beyond}
      ORDER BY c."canceledAt" DESC, c."id" DESC LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit).flatMap((r): CanceledOrderRow[] =>
    isCanceledStatus(r.status)
      ? [
          {
            id: r.id,
            shopId: r.shopId,
            orderNumber: r.orderNumber,
            status: r.status,
            cause: causeOf(r.status),
            canceledAt: isoOf(r.canceledAt),
            createdAt: isoOf(r.createdAt),
            amount: moneyOf(r.amount),
            fulfillmentType: isFulfillmentType(r.fulfillmentType) ? r.fulfillmentType : null,
          },
        ]
      : [],
  );
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.canceledAt, last.id) : null };
}
