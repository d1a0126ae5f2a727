// Bulk shipment, for real: the rows are planned again on the server (the browser's copy
// of the dry run proves nothing) and only the valid ones are sent.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import type { BulkItemOutcome } from "./action-outcome";
import type { DispatchOptions } from "./dispatch-marketplace-actions";
import { chunks } from "./marketplace-orders";
import { runOrderActions } from "./run-order-action";
import type { BulkShipInput } from "./schemas";
import { planShipmentRows, type ShipmentPlan } from "./shipment-csv";

export interface BulkShipmentResult {
  plan: ShipmentPlan;
  /** One per valid row of the plan, by file line. */
  outcomes: { line: number; outcome: BulkItemOutcome }[];
}

/** Each row's own key: resending the same request replays each order's action. */
const rowKey = (requestKey: string, orderId: string) => `${requestKey}:${orderId}`;

export async function executeBulkShipment(
  db: Db,
  { access, input, clientFor }: { access: ShopAccess; input: BulkShipInput; clientFor?: DispatchOptions["clientFor"] },
): Promise<BulkShipmentResult> {
  const plan = await withReplayedRows(db, await planShipmentRows(db, access.shopId, input.rows), input.idempotencyKey);
  const valid = plan.rows.filter((r): r is typeof r & { orderId: string } => r.ok && r.orderId !== null);
  const outcomes = await runOrderActions(db, {
    access,
    batchId: input.idempotencyKey,
    clientFor,
    inputs: valid.map((r) => ({
      action: "ship",
      orderId: r.orderId,
      idempotencyKey: rowKey(input.idempotencyKey, r.orderId),
      carrierName: r.carrierName,
      trackingNumber: r.trackingNumber,
      trackingUrl: r.trackingUrl,
    })),
  });
  return { plan, outcomes: valid.map((r, i) => ({ line: r.line, outcome: outcomes[i]! })) };
}

/**
 * The same request sent again (the dialog retries a batch with its key after a lost
 * answer) must get each row's recorded outcome, though the order has moved on since --
 * shipped by this very request -- and the plan would now call it not shippable.
 */
async function withReplayedRows(db: Db, plan: ShipmentPlan, requestKey: string): Promise<ShipmentPlan> {
  const keys = plan.rows.flatMap((r) => (!r.ok && r.orderId ? [rowKey(requestKey, r.orderId)] : []));
  if (keys.length === 0) return plan;
  const replayed = new Set<string>();
  for (const batch of chunks(keys, 500)) {
    const found = await db.marketplaceAction.findMany({ where: { idempotencyKey: { in: batch } }, select: { idempotencyKey: true } });
    for (const a of found) replayed.add(a.idempotencyKey);
  }
  if (replayed.size === 0) return plan;
  const rows = plan.rows.map((r) => (r.orderId && replayed.has(rowKey(requestKey, r.orderId)) ? { ...r, ok: true, problems: [], fieldErrors: {} } : r));
  return { ...plan, rows, validCount: rows.filter((r) => r.ok).length };
}
