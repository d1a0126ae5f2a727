// Canceled orders per Paris day or week of a range, split by cause: the trend chart.
// The canceled orders first (CROSS JOIN fixes the order on SQLite), each placed in its period.
import "server-only";
import { Prisma, type Db } from "@/lib/db/client";
import { CANCELLATION_CAUSES, causeOf, isCanceledStatus, type CanceledStatus, type CancellationCause } from "./cancellation-causes";
import { withCanceledOrders } from "./canceled-scope";
import { periodsOf, type DayRange, type Granularity } from "./periods";
import { moneyOf, moneyText, numberOf, periodTable, reviewSql, type SqlNumber } from "./sql";

export interface CancellationTrendPoint {
  /** The period's first Paris day (YYYY-MM-DD; a Monday for weeks, but for a clipped first week). */
  period: string;
  total: number;
  /** EUR, decimal string. */
  value: string;
  byCause: Record<CancellationCause, number>;
}

export async function getCancellationTrend(
  db: Db,
  { shopIds, range, granularity, statuses = null }: { shopIds: readonly string[]; range: DayRange; granularity: Granularity; statuses?: readonly CanceledStatus[] | null },
): Promise<CancellationTrendPoint[]> {
  const periods = periodsOf(range, granularity);
  const sql = reviewSql(db);
  const rows = shopIds.length
    ? await db.$queryRaw<{ period: SqlNumber; status: string; n: SqlNumber; value: SqlNumber }[]>(
        Prisma.sql`${withCanceledOrders(sql, { shopIds, range, statuses })}SELECT p."period", c."status", count(*) AS "n", ${moneyText(Prisma.sql`sum(c."amount")`)} AS "value"
          FROM "canceledOrder" c CROSS JOIN ${periodTable(sql, periods)} p
          WHERE c."canceledAt" >= p."start" AND c."canceledAt" < p."end"
          GROUP BY p."period", c."status"`,
      )
    : [];
  const points = periods.map((p) => ({ period: p.key, total: 0, value: new Prisma.Decimal(0), byCause: Object.fromEntries(CANCELLATION_CAUSES.map((c) => [c, 0])) as Record<CancellationCause, number> }));
  for (const row of rows) {
    const point = points[numberOf(row.period)];
    if (!point || !isCanceledStatus(row.status)) continue;
    const n = numberOf(row.n);
    point.total += n;
    point.byCause[causeOf(row.status)] += n;
    point.value = point.value.plus(moneyOf(row.value));
  }
  return points.map((p) => ({ ...p, value: p.value.toFixed(2) }));
}
