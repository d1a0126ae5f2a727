// The review's definitions, in one place: when an order was canceled, when it was
// shipped, and the two rates Cdiscount judges sellers on over the last 30 and 60 days.
//
// Cancellation rate (window of N days ending now):
//   the orders created in the window (marketplaceCreatedAt), and of them those now in the
//   CANCELED bucket. A cohort: each order counts once, in the window it was placed in, so
//   the rate stays between 0 and 100 %. "Seller-caused" counts only the causes that are
//   the seller's (SELLER_CAUSES in cancellation-causes.ts: refusals and the acceptance
//   deadline let pass).
//
// Late-shipment rate (window of N days ending now):
//   the orders the seller ships (fulfillmentType null: Cdiscount ships MKPFBC / EXTFBC
//   orders), with a shipping deadline (shippingDateMax) inside the window -- already
//   passed, so each one's outcome is known -- that were shipped, or are still waiting on
//   the seller (WaitingForSellerAcceptation, WaitingForShipmentAcceptation). A canceled
//   order is the cancellation rate's; one Cdiscount still holds (AcceptedBySeller,
//   ValidatedFianet, PaymentInProgress: payment and fraud checks) cannot be shipped yet,
//   so its delay is not the seller's. One is late when it was
//   - shipped after its deadline (shippedAt > shippingDateMax), or
//   - is still waiting on the seller past it.
//   Not the queue's "late" view (lib/orders/queue-params.ts), which also warns of
//   deadlines within the next 24 hours: that one is for acting, this one for judging.
//
// canceledAt: the marketplace's time of the latest state change that took the order into
//   the CANCELED bucket (OrderEvent, written by the sync with Cdiscount's own timestamp);
//   without such an event, marketplaceUpdatedAt; without that, marketplaceCreatedAt.
//
// shippedAt: the earliest of the marketplace's time of a state change into the SHIPPED
//   bucket and the completion of a shipment the desk sent (a SUCCEEDED SHIP action);
//   without either, marketplaceUpdatedAt. An order first imported already shipped gets
//   its import's state change at Cdiscount's LastUpdatedDate: the best time known.
import "server-only";
import { Prisma } from "@/lib/db/client";
import { statusesInBucket, type DisplayedStatus, type OrderStatus } from "@/lib/orders/status";
import { list, STATE_CHANGE } from "./sql";

export const INDICATOR_WINDOWS = [30, 60] as const;
export type IndicatorWindow = (typeof INDICATOR_WINDOWS)[number];

const CANCELED = statusesInBucket("CANCELED");
const SHIPPED = statusesInBucket("SHIPPED");

/** Unshipped statuses in which the order waits on the seller: past the deadline, the seller is late. */
export const WAITING_ON_SELLER = ["WaitingForSellerAcceptation", "WaitingForShipmentAcceptation"] as const satisfies readonly OrderStatus[];
/** Statuses of the orders the late-shipment rate judges. */
export const LATE_JUDGED_STATUSES: readonly DisplayedStatus[] = [...WAITING_ON_SELLER, ...SHIPPED];

/** canceledAt of the order aliased `o` (see above). */
export const CANCELED_AT = Prisma.sql`COALESCE(
  (SELECT MAX(e."occurredAt") FROM "OrderEvent" e
    WHERE e."orderId" = o."id" AND e."kind" = ${STATE_CHANGE} AND e."toStatus" IN (${list(CANCELED)})
      AND (e."fromStatus" IS NULL OR e."fromStatus" NOT IN (${list(CANCELED)}))),
  o."marketplaceUpdatedAt", o."marketplaceCreatedAt")`;

/**
 * "canceledAt is at or after `start`" can only hold for these orders: canceledAt is never
 * after the order's last marketplace update (every state change carries that update's
 * time). A range of marketplaceUpdatedAt, which the (shopId, marketplaceUpdatedAt) index
 * walks without reading older cancellations (the bucket is then checked row by row: the
 * orders updated in a review range are a small part of a store).
 */
export function mayBeCanceledSince(start: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(o."marketplaceUpdatedAt" >= ${start} OR (o."marketplaceUpdatedAt" IS NULL AND o."marketplaceCreatedAt" >= ${start}))`;
}

/** shippedAt of the order aliased `o` (see above). */
export const SHIPPED_AT = Prisma.sql`COALESCE(
  (SELECT MIN(t."at") FROM (
    SELECT e."occurredAt" AS "at" FROM "OrderEvent" e
      WHERE e."orderId" = o."id" AND e."kind" = ${STATE_CHANGE} AND e."toStatus" IN (${list(SHIPPED)})
    UNION ALL
    SELECT a."completedAt" AS "at" FROM "MarketplaceAction" a
      WHERE a."orderId" = o."id" AND a."kind" = 'SHIP' AND a."status" = 'SUCCEEDED' AND a."completedAt" IS NOT NULL) t),
  o."marketplaceUpdatedAt")`;
