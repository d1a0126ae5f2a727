// Canceled orders of a range: how many, and the value lost, per canceled status (the
// facets) and per cause (who or what canceled).
import "server-only";
import { Prisma, type Db } from "@/lib/db/client";
import { CANCELED_STATUSES, CANCELLATION_CAUSES, causeOf, isCanceledStatus, type CanceledStatus, type CancellationCause } from "./cancellation-causes";
import { withCanceledOrders } from "./canceled-scope";
import type { DayRange } from "./periods";
import { moneyOf, moneyText, numberOf, reviewSql, type SqlNumber } from "./sql";

export interface CanceledFigure {
  count: number;
  /**
   * The value lost, EUR as a decimal string: the sum of the orders' initialTotalAmount
   * (what the customer ordered for, shipping included), as the queue shows it.
   */
  value: string;
}

export interface CanceledSummary {
  total: CanceledFigure;
  /** Every canceled status of status.ts, in its order, zero when none. */
  statuses: (CanceledFigure & { status: CanceledStatus; cause: CancellationCause })[];
  causes: (CanceledFigure & { cause: CancellationCause })[];
}

export async function getCanceledSummary(db: Db, { shopIds, range }: { shopIds: readonly string[]; range: DayRange }): Promise<CanceledSummary> {
  const rows = shopIds.length
    ? await db.$queryRaw<{ status: string; n: SqlNumber; value: SqlNumber }[]>(
        Prisma.sql`${withCanceledOrders(reviewSql(db), { shopIds, range })}SELECT c."status", count(*) AS "n", ${moneyText(Prisma.sql`sum(c."amount")`)} AS "value" FROM "canceledOrder" c GROUP BY c."status"`,
      )
    : [];
  const byStatus = new Map(rows.filter((r) => isCanceledStatus(r.status)).map((r) => [r.status as CanceledStatus, { count: numberOf(r.n), value: new Prisma.Decimal(moneyOf(r.value)) }]));
  const zero = () => ({ count: 0, value: new Prisma.Decimal(0) });
  const add = (a: { count: number; value: Prisma.Decimal }, b: { count: number; value: Prisma.Decimal }) => ({ count: a.count + b.count, value: a.value.plus(b.value) });
  const figure = (f: { count: number; value: Prisma.Decimal }): CanceledFigure => ({ count: f.count, value: f.value.toFixed(2) });

  const causes = new Map(CANCELLATION_CAUSES.map((c) => [c, zero()]));
  let total = zero();
  for (const [status, f] of byStatus) {
    causes.set(causeOf(status), add(causes.get(causeOf(status))!, f));
    total = add(total, f);
  }
  return {
    total: figure(total),
    statuses: CANCELED_STATUSES.map((status) => ({ status, cause: causeOf(status), ...figure(byStatus.get(status) ?? zero()) })),
    causes: CANCELLATION_CAUSES.map((cause) => ({ cause, ...figure(causes.get(cause)!) })),
  };
}
