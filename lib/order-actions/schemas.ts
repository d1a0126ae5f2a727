// The inputs of the seller's order actions, shared by the server actions, the forms and
// (later) the REST API. Messages are i18n keys under "validation". What the browser sends
// is intent only: the delivery mode, the lines' conditions and everything else sent to
// Cdiscount are read from the stored order.
import { z } from "zod";
import { REFUND_MOTIVES } from "@/lib/cdiscount/types";
import { ZShipment } from "@/lib/orders/shipment-schema";

/** Above this, a bulk shipment file is refused whole (one ValidateOrderList per 50 rows). */
export const MAX_BULK_SHIPMENT_ROWS = 5_000;
export const MAX_BULK_DECISION_ORDERS = 500;

/** Generated once per user intent: a double click or a retry reuses it, a new intent does not. */
const ZIdempotencyKey = z.uuid("invalid");
const ZOrderId = z.string().trim().min(1, "required").max(100, "tooLong");

const orderActionBase = { orderId: ZOrderId, idempotencyKey: ZIdempotencyKey };

export const ZOrderActionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), ...orderActionBase }),
  z.object({ action: z.literal("refuse"), ...orderActionBase }),
  z.object({
    action: z.literal("ship"),
    ...orderActionBase,
    // Field rules only here: whether the order's delivery mode needs them is checked
    // against the stored order (ZShipment with its shippingCode).
    carrierName: ZShipment.shape.carrierName,
    trackingNumber: ZShipment.shape.trackingNumber,
    trackingUrl: ZShipment.shape.trackingUrl,
  }),
  z.object({ action: z.literal("refuseShipment"), ...orderActionBase }),
  z.object({
    action: z.literal("refund"),
    ...orderActionBase,
    /** The SellerProductId of each line to refund (CreateRefundVoucher refunds by SKU). */
    lines: z.array(z.string().trim().min(1, "required").max(100, "tooLong")).min(1, "refundLinesRequired").max(100, "tooLong"),
    motive: z.enum(REFUND_MOTIVES, "invalidChoice"),
    refundShippingCharges: z.boolean().default(false),
  }),
]);
export type OrderActionInput = z.infer<typeof ZOrderActionInput>;
export type ShipActionInput = Extract<OrderActionInput, { action: "ship" }>;
export type RefundActionInput = Extract<OrderActionInput, { action: "refund" }>;

export const ZBulkDecisionInput = z.object({
  shopId: z.string().min(1),
  decision: z.enum(["accept", "refuse"], "invalidChoice"),
  orderIds: z.array(ZOrderId).min(1, "required").max(MAX_BULK_DECISION_ORDERS, "tooMany"),
  /** One key for the whole request; each order's action gets `${key}:${orderId}`. */
  idempotencyKey: ZIdempotencyKey,
});
export type BulkDecisionInput = z.infer<typeof ZBulkDecisionInput>;

/** One row of a bulk shipment as read from the file: checked per row by the plan, not here. */
const loose = z.string().max(1_000, "tooLong").optional();
export const ZShipmentRow = z.object({
  /** The row's line in the file (header = line 1), to point the seller at it. */
  line: z.number().int().positive(),
  orderNumber: z.string().max(100, "tooLong"),
  carrierName: loose,
  trackingNumber: loose,
  trackingUrl: loose,
});
export type ShipmentRow = z.infer<typeof ZShipmentRow>;

export const ZBulkShipInput = z.object({
  shopId: z.string().min(1),
  rows: z.array(ZShipmentRow).min(1, "required").max(MAX_BULK_SHIPMENT_ROWS, "tooMany"),
  idempotencyKey: ZIdempotencyKey,
});
export type BulkShipInput = z.infer<typeof ZBulkShipInput>;

export const ZPlanBulkShipmentInput = z.object({
  shopId: z.string().min(1),
  // 5,000 rows of ~200 characters, with room to spare.
  csvText: z.string().max(5_000_000, "fileTooLarge"),
});

export const ZAddOrderNoteInput = z.object({
  orderId: ZOrderId,
  body: z.string().trim().min(1, "required").max(2_000, "tooLong"),
});
export type AddOrderNoteInput = z.infer<typeof ZAddOrderNoteInput>;

export const ZShopInput = z.object({ shopId: z.string().min(1) });

/** The template offered for download; French headers are accepted too (see shipment-csv.ts). */
export const SHIPMENT_CSV_TEMPLATE = "order_number,carrier,tracking_number,tracking_url\n";
