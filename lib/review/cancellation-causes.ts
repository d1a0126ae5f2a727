// Who or what canceled an order: the one mapping from the canceled statuses of
// lib/orders/status.ts to the causes a manager reviews. It is typed against status.ts, so
// a canceled status added there fails to compile here until it is given a cause.
import { ORDER_STATUSES, statusesInBucket, type OrderStatus } from "@/lib/orders/status";

export const CANCELLATION_CAUSES = ["customer", "sellerRefusal", "automatic", "paymentRefused", "notPickedUp"] as const;
export type CancellationCause = (typeof CANCELLATION_CAUSES)[number];

/** The statuses status.ts puts in the CANCELED bucket. */
export type CanceledStatus = { [S in OrderStatus]: (typeof ORDER_STATUSES)[S]["bucket"] extends "CANCELED" ? S : never }[OrderStatus];

const CAUSE_OF_STATUS = {
  CancelledByCustomer: "customer",
  CancelledBeforePaymentByCustomer: "customer",
  CancelledBeforeNotificationByCustomer: "customer",
  // Still a request (the seller may yet refuse it), but the customer's: Cdiscount files it under canceled.
  CancellationRequestPending: "customer",
  RefusedBySeller: "sellerRefusal",
  ShipmentRefusedBySeller: "sellerRefusal",
  // "Refused, nothing shipped": the seller's refusal, after acceptance.
  RefusedNoShipment: "sellerRefusal",
  // Mostly the seller's 2-day acceptance deadline passed without an answer.
  AutomaticCancellation: "automatic",
  PaymentRefused: "paymentRefused",
  NonPickedUpByCustomer: "notPickedUp",
} as const satisfies Record<CanceledStatus, CancellationCause>;

/** The canceled statuses, in status.ts order. */
export const CANCELED_STATUSES = statusesInBucket("CANCELED") as CanceledStatus[];

export function isCanceledStatus(status: string): status is CanceledStatus {
  return Object.hasOwn(CAUSE_OF_STATUS, status);
}

export function causeOf(status: CanceledStatus): CancellationCause {
  return CAUSE_OF_STATUS[status];
}

export function statusesOfCause(cause: CancellationCause): CanceledStatus[] {
  return CANCELED_STATUSES.filter((s) => causeOf(s) === cause);
}

/**
 * Causes that count against the seller in the "seller-caused" cancellation rate: they
 * refused, or let the acceptance deadline pass. A customer's change of mind, a refused
 * payment or a parcel left at the relay point are not theirs.
 */
export const SELLER_CAUSES: readonly CancellationCause[] = ["sellerRefusal", "automatic"];
