// Records what became of a claimed action, in one transaction: its row, the order's
// timeline (who asked, and why it failed -- Cdiscount's own words only when it refused)
// and, once the action is final, the audit row. Only the dispatcher holding the claim may
// record it.
import "server-only";
import type { Db, MarketplaceActionKind, Prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { ORDER_ACTION_EVENT, SELLER_ACTION } from "./action-kinds";
import type { RecordedFailure } from "./action-failure";
import type { ActionPayload } from "./action-payload";

export interface ClaimedAction {
  id: string;
  shopId: string;
  orderId: string | null;
  orderNumber: string;
  /** The stored order's status when the action was claimed. */
  orderStatus: string | null;
  kind: MarketplaceActionKind;
  payload: ActionPayload;
  /** Including the current one. */
  attempts: number;
  requestedById: string | null;
  createdAt: Date;
  lockedBy: string;
  /** No earlier attempt can have changed the order at Cdiscount, as the last failure recorded. */
  earlierChangedNothing: boolean;
}

/**
 * `failure`: why, as the seller is told (action-failure.ts); `message`: the technical
 * record kept as lastError; `answer`: Cdiscount's answer, when it gave one.
 */
export type Settlement =
  | { status: "SUCCEEDED"; result: Prisma.InputJsonValue; verified: boolean }
  | { status: "FAILED"; failure: RecordedFailure; message: string; answer?: Prisma.InputJsonObject }
  | { status: "RETRY"; failure: RecordedFailure; message: string; retryAt: Date };

/** False when the claim was lost (it expired and another dispatcher took the action over). */
export async function settleAction(db: Db, action: ClaimedAction, settlement: Settlement, now = new Date()): Promise<boolean> {
  const final = settlement.status !== "RETRY";
  const sellerAction = SELLER_ACTION[action.kind];
  return db.$transaction(async (tx) => {
    const { count } = await tx.marketplaceAction.updateMany({
      where: { id: action.id, status: "SENDING", lockedBy: action.lockedBy },
      data: {
        status: settlement.status === "RETRY" ? "PENDING" : settlement.status,
        lockedBy: null,
        lockedUntil: null,
        lastError: settlement.status === "SUCCEEDED" ? null : settlement.message,
        // A pending action keeps its last failure: the next attempt reads whether any call so far
        // can have changed the order (action-failure.ts).
        result: settlement.status === "SUCCEEDED" ? settlement.result : { ...(settlement.status === "FAILED" ? settlement.answer : {}), failure: settlement.failure },
        nextAttemptAt: settlement.status === "RETRY" ? settlement.retryAt : null,
        completedAt: final ? now : null,
        // A final action frees the order for its next one.
        ...(final ? { openOrderKey: null } : {}),
      },
    });
    if (count === 0) return false;

    const data = { actionId: action.id, action: sellerAction, attempts: action.attempts };
    if (action.orderId) {
      await tx.orderEvent.create({
        data:
          settlement.status === "SUCCEEDED"
            ? { orderId: action.orderId, kind: ORDER_ACTION_EVENT.succeeded, occurredAt: now, fromStatus: action.orderStatus, actorId: action.requestedById, data: { ...data, verified: settlement.verified } }
            : settlement.status === "FAILED"
              ? { orderId: action.orderId, kind: ORDER_ACTION_EVENT.failed, occurredAt: now, actorId: action.requestedById, message: settlement.message, data: { ...data, failure: settlement.failure } }
              : { orderId: action.orderId, kind: ORDER_ACTION_EVENT.marketplaceError, occurredAt: now, message: settlement.message, data: { ...data, failure: settlement.failure, retryAt: settlement.retryAt.toISOString() } },
      });
      if (settlement.status === "SUCCEEDED" && "orderState" in action.payload && action.payload.orderState === "Shipped") {
        // The sync never touches these: they are the desk's record of what the seller shipped with.
        const { carrierName, trackingNumber, trackingUrl } = action.payload;
        await tx.order.update({ where: { id: action.orderId }, data: { carrierName: carrierName ?? null, trackingNumber: trackingNumber ?? null, trackingUrl: trackingUrl ?? null } });
      }
    }
    if (final) {
      await recordAudit(tx, {
        actorId: action.requestedById,
        shopId: action.shopId,
        action: `order.${sellerAction}`,
        targetType: "order",
        targetId: action.orderId,
        outcome: settlement.status === "SUCCEEDED" ? "success" : "failure",
        details: {
          orderNumber: action.orderNumber,
          ...data,
          ...(settlement.status === "SUCCEEDED" ? { verified: settlement.verified } : failureDetails(settlement.failure, settlement.message)),
        },
      });
    }
    return true;
  });
}

/** Cdiscount's words only where it refused; otherwise the desk's own reason. */
function failureDetails(failure: RecordedFailure, message: string): Record<string, string> {
  return failure.reason === "refused" && failure.message ? { marketplaceMessage: failure.message, failure: failure.reason } : { reason: message, failure: failure.reason };
}
