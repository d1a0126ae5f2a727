// What the desk calls when the seller acts: the action goes into the outbox, is sent at
// once, and the seller learns the outcome -- confirmed with the order's new status,
// refused with Cdiscount's message, or kept to be sent again.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";
import { settledOutcome, settledOutcomes, type BulkItemOutcome, type OrderActionOutcome, type RejectedItem } from "./action-outcome";
import { dispatchMarketplaceActions, type DispatchOptions } from "./dispatch-marketplace-actions";
import { enqueueOrderAction } from "./enqueue-order-action";
import { isOrderActionError } from "./problems";
import type { OrderActionInput } from "./schemas";

export interface RunOrderActionOptions {
  access: ShopAccess;
  input: OrderActionInput;
  clientFor?: DispatchOptions["clientFor"];
}

/**
 * Throws (AppError) when the action is refused before anything is sent. `created` is
 * false for a replay (same idempotency key) or a request that joined the order's open action.
 */
export async function runOrderAction(db: Db, { access, input, clientFor }: RunOrderActionOptions): Promise<OrderActionOutcome & { created: boolean }> {
  const { actionId, created } = await enqueueOrderAction(db, { access, input });
  // Not claimed when another request is sending it (a double click): the outcome waits for that one.
  await dispatchMarketplaceActions(db, { actionIds: [actionId], clientFor });
  return { ...(await settledOutcome(db, actionId)), created };
}

export interface RunOrderActionsOptions {
  access: ShopAccess;
  inputs: readonly OrderActionInput[];
  /** The bulk request's idempotency key. */
  batchId: string;
  clientFor?: DispatchOptions["clientFor"];
}

/** Many actions, sent together (one ValidateOrderList per 50 orders), one outcome each, in order. */
export async function runOrderActions(db: Db, { access, inputs, batchId, clientFor }: RunOrderActionsOptions): Promise<BulkItemOutcome[]> {
  const enqueued: (string | RejectedItem)[] = [];
  for (const input of inputs) {
    try {
      enqueued.push((await enqueueOrderAction(db, { access, input, batchId })).actionId);
    } catch (error) {
      if (!AppError.is(error)) throw error;
      // One order in the wrong state does not stop the others.
      enqueued.push({
        status: "rejected",
        orderId: input.orderId,
        orderNumber: null,
        code: error.code,
        problem: isOrderActionError(error) ? error.problem : undefined,
        fieldErrors: error.fieldErrors,
      });
    }
  }
  const actionIds = enqueued.filter((e): e is string => typeof e === "string");
  if (actionIds.length) await dispatchMarketplaceActions(db, { actionIds, limit: actionIds.length, clientFor });
  const settled = await settledOutcomes(db, actionIds);
  let next = 0;
  return enqueued.map((item): BulkItemOutcome => (typeof item === "string" ? settled[next++]! : item));
}
