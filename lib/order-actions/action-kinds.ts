// The seller's five actions as the outbox stores and sends them: the stored kind, the
// ValidateOrderList target, the timeline events, and what a re-read order must show for
// an action to count as applied (reference §1.6: Cdiscount's advice is to re-read).
import type { MarketplaceActionKind } from "@/lib/db/client";
import type { MarketplaceOrder, ValidationTarget } from "@/lib/cdiscount/types";
import type { SellerAction } from "@/lib/orders/status";

export const ACTION_KIND: Readonly<Record<SellerAction, MarketplaceActionKind>> = {
  accept: "ACCEPT",
  refuse: "REFUSE",
  ship: "SHIP",
  refuseShipment: "REFUSE_SHIPMENT",
  refund: "REFUND",
};

export const SELLER_ACTION: Readonly<Record<MarketplaceActionKind, SellerAction>> = {
  ACCEPT: "accept",
  REFUSE: "refuse",
  SHIP: "ship",
  REFUSE_SHIPMENT: "refuseShipment",
  REFUND: "refund",
};

/** Refunds go through CreateRefundVoucher; every other action through ValidateOrderList. */
export const VALIDATION_TARGET: Readonly<Partial<Record<MarketplaceActionKind, ValidationTarget>>> = {
  ACCEPT: "AcceptedBySeller",
  REFUSE: "RefusedBySeller",
  SHIP: "Shipped",
  REFUSE_SHIPMENT: "ShipmentRefusedBySeller",
};

export function isValidationKind(kind: MarketplaceActionKind): boolean {
  return VALIDATION_TARGET[kind] !== undefined;
}

/** OrderEvent kinds written by the outbox, next to the sync's MARKETPLACE_STATE_CHANGE. */
export const ORDER_ACTION_EVENT = {
  requested: "ORDER_ACTION_REQUESTED",
  succeeded: "ORDER_ACTION_SUCCEEDED",
  failed: "ORDER_ACTION_FAILED",
  /** A transient marketplace failure; the action will be sent again. */
  marketplaceError: "MARKETPLACE_ERROR",
} as const;

// Order states only reachable once the seller accepted (reference §1.8's flow).
const AFTER_ACCEPTANCE = new Set([
  "AcceptedBySeller",
  "PaymentInProgress",
  "ValidatedFianet",
  "WaitingForShipmentAcceptation",
  "PaymentRefused",
  "Shipped",
  "ShipmentRefusedBySeller",
  "AvailableOnStore",
  "PickedUp",
  "NonPickedUpByCustomer",
]);
const AFTER_SHIPMENT = new Set(["Shipped", "AvailableOnStore", "PickedUp", "NonPickedUpByCustomer"]);

/** A voucher may carry the marketplace's clock, a little behind ours. */
const VOUCHER_CLOCK_SKEW_MS = 2 * 60_000;

export interface ActionToVerify {
  kind: MarketplaceActionKind;
  /** For refunds: the SKUs asked for. */
  refundedSkus: readonly string[];
  requestedAt: Date;
}

/**
 * Whether the marketplace's order already shows the action's effect: a call whose answer
 * was lost (crash, timeout) must not be sent twice -- a second refund is real money.
 */
export function marketplaceShowsAction(action: ActionToVerify, order: MarketplaceOrder): boolean {
  const productLines = order.lines.filter((l) => l.sellerProductId);
  const allLines = (state: string) => productLines.length > 0 && productLines.every((l) => l.acceptationState === state);
  switch (action.kind) {
    case "ACCEPT":
      return AFTER_ACCEPTANCE.has(order.orderState) || allLines("AcceptedBySeller");
    case "REFUSE":
      return order.orderState === "RefusedBySeller";
    case "SHIP":
      return AFTER_SHIPMENT.has(order.orderState) || allLines("ShippedBySeller");
    case "REFUSE_SHIPMENT":
      return order.orderState === "ShipmentRefusedBySeller";
    case "REFUND": {
      const refunded = action.refundedSkus.every((sku) => productLines.some((l) => l.sellerProductId === sku && l.acceptationState?.startsWith("Refunded")));
      if (refunded) return true;
      // Line states are not always updated: vouchers created since the request, one per line, also tell.
      const since = action.requestedAt.getTime() - VOUCHER_CLOCK_SKEW_MS;
      const recent = order.vouchers.filter((v) => v.createDate && v.createDate.getTime() >= since);
      return recent.length >= action.refundedSkus.length;
    }
  }
}
