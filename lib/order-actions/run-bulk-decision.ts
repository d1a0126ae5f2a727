// Bulk accept or refuse: one request, one idempotency key, one outcome per order.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import type { BulkItemOutcome } from "./action-outcome";
import type { DispatchOptions } from "./dispatch-marketplace-actions";
import { runOrderActions } from "./run-order-action";
import type { BulkDecisionInput } from "./schemas";

export async function runBulkDecision(
  db: Db,
  { access, input, clientFor }: { access: ShopAccess; input: BulkDecisionInput; clientFor?: DispatchOptions["clientFor"] },
): Promise<BulkItemOutcome[]> {
  const orderIds = [...new Set(input.orderIds)];
  return runOrderActions(db, {
    access,
    batchId: input.idempotencyKey,
    clientFor,
    // Per-order keys: resending the same bulk request replays each order's action.
    inputs: orderIds.map((orderId) => ({ action: input.decision, orderId, idempotencyKey: `${input.idempotencyKey}:${orderId}` })),
  });
}
