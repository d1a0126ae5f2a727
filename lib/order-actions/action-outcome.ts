// What the seller is told about an action, read from its outbox row: the row is the
// truth, whichever request or dispatcher sent it.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { AppErrorCode } from "@/lib/errors/app-error";
import { STATUS_AFTER_ACTION, canPerform, isDisplayedStatus, type SellerAction } from "@/lib/orders/status";
import { failureOfAction, type ActionFailure } from "./action-failure";
import { SELLER_ACTION } from "./action-kinds";
import type { UserProblem } from "./problems";

interface OutcomeBase {
  actionId: string;
  orderId: string | null;
  orderNumber: string;
  action: SellerAction;
}

export type OrderActionOutcome = OutcomeBase &
  (
    | { status: "succeeded"; /** The order's status after the re-read. */ orderStatus: string | null }
    | {
        status: "failed";
        /** Why, as the seller is told: a refusal by Cdiscount, or a failure worded by the desk. */
        failure: ActionFailure;
        /** The stored record: Cdiscount's words for a refusal, the desk's technical text otherwise. */
        lastError: string;
      }
    | { status: "queued"; retryAt: Date | null; lastError: string | null }
    | { status: "inProgress" }
  );

/** A bulk item that never reached the outbox (wrong state, bad row, unknown order). */
export interface RejectedItem {
  status: "rejected";
  orderId: string | null;
  orderNumber: string | null;
  code: AppErrorCode;
  problem?: UserProblem;
  fieldErrors?: Readonly<Record<string, string[]>>;
}

export type BulkItemOutcome = OrderActionOutcome | RejectedItem;

export type OutcomeTally = Record<BulkItemOutcome["status"], number>;

export function tallyOutcomes(outcomes: readonly BulkItemOutcome[]): OutcomeTally {
  const tally: OutcomeTally = { succeeded: 0, failed: 0, queued: 0, inProgress: 0, rejected: 0 };
  for (const o of outcomes) tally[o.status]++;
  return tally;
}

/** How long a request waits for an action another request is sending (a double click). */
const SETTLE_WAIT_MS = 20_000;
const SETTLE_POLL_MS = 200;

export async function actionOutcome(db: Db, actionId: string): Promise<OrderActionOutcome> {
  const row = await db.marketplaceAction.findUniqueOrThrow({
    where: { id: actionId },
    select: { id: true, orderId: true, kind: true, status: true, payload: true, attempts: true, lastError: true, result: true, nextAttemptAt: true, order: { select: { status: true } } },
  });
  const base: OutcomeBase = { actionId: row.id, orderId: row.orderId, orderNumber: (row.payload as { orderNumber: string }).orderNumber, action: SELLER_ACTION[row.kind] };
  switch (row.status) {
    case "SUCCEEDED":
      return { ...base, status: "succeeded", orderStatus: statusAfterSuccess(row.order?.status ?? null, base.action) };
    case "FAILED":
      return { ...base, status: "failed", failure: failureOfAction(row), lastError: row.lastError ?? "" };
    case "PENDING":
      return { ...base, status: "queued", retryAt: row.nextAttemptAt, lastError: row.lastError };
    case "SENDING":
      return { ...base, status: "inProgress" };
  }
}

/**
 * The order's status once its action succeeded. The sender re-reads the order from
 * Cdiscount just after settling; a request that only waited for the outcome (a double
 * click) may look in between, while the stored status still allows the action: Cdiscount
 * has accepted it, so the status it leads to is the answer, not the stale one.
 */
function statusAfterSuccess(stored: string | null, action: SellerAction): string | null {
  if (stored === null) return null;
  return isDisplayedStatus(stored) && canPerform(stored, action) ? STATUS_AFTER_ACTION[action] : stored;
}

/** The outcome once the action is no longer being sent, or "inProgress" after a while. */
export async function settledOutcome(db: Db, actionId: string, waitMs = SETTLE_WAIT_MS): Promise<OrderActionOutcome> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const outcome = await actionOutcome(db, actionId);
    if (outcome.status !== "inProgress" || Date.now() >= deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
}

/**
 * The same for the actions of one request, with one deadline for all: a bulk request
 * whose actions another sender holds (a sender that died mid-call, until its claims
 * lapse) answers "in progress" after one wait, not one wait per action in turn.
 */
export async function settledOutcomes(db: Db, actionIds: readonly string[], waitMs = SETTLE_WAIT_MS): Promise<OrderActionOutcome[]> {
  const deadline = Date.now() + waitMs;
  const outcomes: OrderActionOutcome[] = [];
  for (const id of actionIds) outcomes.push(await settledOutcome(db, id, Math.max(0, deadline - Date.now())));
  return outcomes;
}
