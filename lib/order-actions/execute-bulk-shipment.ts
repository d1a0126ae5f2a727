// Bulk shipment, for real: the rows are planned again on the server (the browser's copy
// of the dry run proves nothing) and only the valid ones are sent.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import type { BulkItemOutcome } from "./action-outcome";
import type { DispatchOptions } from "./dispatch-marketplace-actions";
import { runOrderActions } from "./run-order-action";
import type { BulkShipInput } from "./schemas";
import { planShipmentRows, type ShipmentPlan } from "./shipment-csv";

export interface BulkShipmentResult {
  plan: ShipmentPlan;
  /** One per valid row of the plan, by file line. */
  outcomes: { line: number; outcome: BulkItemOutcome }[];
}

export async function executeBulkShipment(
  db: Db,
  { access, input, clientFor }: { access: ShopAccess; input: BulkShipInput; clientFor?: DispatchOptions["clientFor"] },
): Promise<BulkShipmentResult> {
  const plan = await planShipmentRows(db, access.shopId, input.rows);
  const valid = plan.rows.filter((r): r is typeof r & { orderId: string } => r.ok && r.orderId !== null);
  const outcomes = await runOrderActions(db, {
    access,
    batchId: input.idempotencyKey,
    clientFor,
    inputs: valid.map((r) => ({
      action: "ship",
      orderId: r.orderId,
      idempotencyKey: `${input.idempotencyKey}:${r.orderId}`,
      carrierName: r.carrierName,
      trackingNumber: r.trackingNumber,
      trackingUrl: r.trackingUrl,
    })),
  });
  return { plan, outcomes: valid.map((r, i) => ({ line: r.line, outcome: outcomes[i]! })) };
}
