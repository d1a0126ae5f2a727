// The back-office REST API's contract (/api/v1), in zod: what the handlers validate and
// what they answer. The OpenAPI document (openapi.ts) is generated from these same
// schemas, and the order-action body reuses the UI's field schemas (ZOrderActionInput),
// so a rule is written once for the form, the server action and the API.
import { z } from "zod";
import { BUCKETS, DISPLAYED_STATUSES, type SellerAction } from "@/lib/orders/status";
import { FULFILLMENT_TYPES, type FulfillmentType } from "@/lib/orders/fulfillment";
import { ZOrderActionInput, type OrderActionInput } from "@/lib/order-actions/schemas";
import { isStorableInstant } from "@/lib/db/instants";

/** The named schemas of the OpenAPI document: requests read as input, responses as output. */
export const REQUEST_SCHEMAS = z.registry<{ id: string }>();
export const RESPONSE_SCHEMAS = z.registry<{ id: string }>();

// ---------------------------------------------------------------------------------------
// Actions: the API spells them in snake_case; the desk's names stay inside.

export const API_ACTIONS = ["accept", "refuse", "ship", "refuse_shipment", "refund"] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

export const API_ACTION_OF: Readonly<Record<SellerAction, ApiAction>> = {
  accept: "accept",
  refuse: "refuse",
  ship: "ship",
  refuseShipment: "refuse_shipment",
  refund: "refund",
};
export const SELLER_ACTION_OF = Object.fromEntries(Object.entries(API_ACTION_OF).map(([seller, api]) => [api, seller])) as Readonly<Record<ApiAction, SellerAction>>;

/** The UI's schema of one action, to reuse its field rules. */
function uiAction<A extends SellerAction>(action: A) {
  const option = ZOrderActionInput.options.find((o) => o.shape.action.value === action);
  if (!option) throw new Error(`ZOrderActionInput has no "${action}" option`);
  return option as Extract<(typeof ZOrderActionInput.options)[number], { shape: { action: z.ZodLiteral<A> } }>;
}
const ship = uiAction("ship").shape;
const refund = uiAction("refund").shape;

/** The {order_id} of the paths: the order's `id`, as the list gives it. */
export const ZOrderIdPath = z.string().min(1).max(100).meta({ description: "The order's `id` (not Cdiscount's order number)." });

/** The Idempotency-Key header: any visible ASCII, 1 to 255 characters. */
export const ZIdempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/)
  .meta({ description: "One value per intent (e.g. a UUID), reused when retrying that intent. Visible ASCII, 1 to 255 characters." });

/** The largest request body the API reads (an action is a few hundred bytes). */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

/**
 * POST /api/v1/orders/{order_id}/actions. The order comes from the path and the
 * idempotency key from the Idempotency-Key header; unknown fields are refused, so a typo
 * is not silently dropped.
 */
export const ZApiOrderActionRequest = z
  .discriminatedUnion("action", [
    z.strictObject({ action: z.literal("accept") }),
    z.strictObject({ action: z.literal("refuse") }),
    z.strictObject({
      action: z.literal("ship"),
      carrier_name: ship.carrierName.meta({ description: "Required for tracked (TRK) and registered (REG) delivery." }),
      tracking_number: ship.trackingNumber.meta({ description: "Required for TRK and REG; at most 50 characters, without spaces nor , & * $." }),
      tracking_url: ship.trackingUrl.meta({ description: "http(s) URL, at most 255 characters." }),
    }),
    z.strictObject({ action: z.literal("refuse_shipment") }),
    z.strictObject({
      action: z.literal("refund"),
      lines: refund.lines.meta({ description: "The seller product id (SKU) of each line to refund." }),
      motive: refund.motive,
      refund_shipping_charges: refund.refundShippingCharges,
    }),
  ])
  .register(REQUEST_SCHEMAS, { id: "OrderActionRequest" });
export type ApiOrderActionRequest = z.output<typeof ZApiOrderActionRequest>;

/** The desk's input for the same action, checked again by the UI's own schema. */
export function toOrderActionInput(body: ApiOrderActionRequest, orderId: string, idempotencyKey: string): unknown {
  const base = { action: SELLER_ACTION_OF[body.action], orderId, idempotencyKey };
  switch (body.action) {
    case "ship":
      return { ...base, carrierName: body.carrier_name, trackingNumber: body.tracking_number, trackingUrl: body.tracking_url };
    case "refund":
      return { ...base, lines: body.lines, motive: body.motive, refundShippingCharges: body.refund_shipping_charges };
    default:
      return base;
  }
}

/** An input field of the desk's use cases, as the API names it. */
export function apiFieldName(field: string): string {
  if (field === "idempotencyKey") return "Idempotency-Key";
  if (field === "orderId") return "order_id";
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export type { OrderActionInput };

// ---------------------------------------------------------------------------------------
// GET /api/v1/orders query

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

const ZInstant = z.iso.datetime({ offset: true }).refine((v) => isStorableInstant(new Date(v)), "invalid");

export const ZListOrdersQuery = z.strictObject({
  updated_from: ZInstant.optional().meta({ description: "Orders updated by the marketplace at or after this instant (ISO 8601, with Z or an offset)." }),
  updated_to: ZInstant.optional().meta({ description: "Orders updated by the marketplace strictly before this instant." }),
  status: z.enum(DISPLAYED_STATUSES).optional().meta({ description: "One of the desk's statuses (Other: a marketplace state outside them)." }),
  bucket: z.enum(BUCKETS).optional(),
  delivered_by_marketplace: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .meta({ description: "true: fulfillment orders (shipped by Cdiscount); false: orders the seller ships." }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).meta({ description: `Orders per page, at most ${MAX_PAGE_SIZE}.` }),
  cursor: z.string().regex(CURSOR).optional().meta({ description: "The previous page's next_cursor, unchanged." }),
});
export type ListOrdersQuery = z.output<typeof ZListOrdersQuery>;

// ---------------------------------------------------------------------------------------
// Responses

const ZMoney = z.string().regex(/^-?\d+\.\d{2}$/).meta({ description: "Decimal amount in euros, as a string (e.g. \"19.90\")." });
const ZTimestamp = z.iso.datetime();

export const ZApiAddress = z
  .object({
    civility: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    company_name: z.string().nullable(),
    address1: z.string().nullable(),
    address2: z.string().nullable(),
    apartment_number: z.string().nullable(),
    building: z.string().nullable(),
    street: z.string().nullable(),
    place_name: z.string().nullable(),
    zip_code: z.string().nullable(),
    city: z.string().nullable(),
    county: z.string().nullable(),
    country: z.string().nullable(),
    instructions: z.string().nullable(),
    relay_id: z.string().nullable().meta({ description: "The pickup point, for relay deliveries." }),
  })
  .register(RESPONSE_SCHEMAS, { id: "Address" });

export const ZApiCustomer = z
  .object({
    customer_id: z.string().nullable(),
    civility: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
    encrypted_email: z.string().nullable().meta({ description: "Cdiscount's relay address for the customer." }),
    phone: z.string().nullable(),
    mobile_phone: z.string().nullable(),
  })
  .register(RESPONSE_SCHEMAS, { id: "Customer" });

export const ZApiOrderLine = z
  .object({
    position: z.number().int(),
    seller_product_id: z.string().nullable().meta({ description: "The seller's SKU; null on fee lines." }),
    sku: z.string().nullable().meta({ description: "Cdiscount's SKU." }),
    product_id: z.string().nullable(),
    ean: z.string().nullable(),
    name: z.string().nullable(),
    condition: z.string().nullable(),
    marketplace_status: z.string().nullable().meta({ description: "The line's AcceptationState, as Cdiscount sent it." }),
    quantity: z.number().int(),
    purchase_price: ZMoney,
    unit_shipping_charges: ZMoney,
    has_claim: z.boolean(),
    is_fee_line: z.boolean().meta({ description: "A fee pseudo-line (processing fees): part of the amounts, never acted upon." }),
    shipping_date_max: ZTimestamp.nullable(),
    delivery_date_min: ZTimestamp.nullable(),
    delivery_date_max: ZTimestamp.nullable(),
  })
  .register(RESPONSE_SCHEMAS, { id: "OrderLine" });

export const ZApiOrder = z
  .object({
    id: z.string().meta({ description: "The desk's id of the order, used in this API's URLs." }),
    marketplace_order_id: z.string().meta({ description: "Cdiscount's order number." }),
    marketplace_status: z.string().meta({ description: "The OrderState exactly as Cdiscount sent it." }),
    status: z.enum(DISPLAYED_STATUSES),
    bucket: z.enum(BUCKETS),
    allowed_actions: z.array(z.enum(API_ACTIONS)),
    is_delivered_by_marketplace: z.boolean().meta({ description: "Fulfillment order: Cdiscount ships it, the seller does not." }),
    mod_ges_log: z.string().nullable().meta({ description: "Cdiscount's ModGesLog (MKPFBC, EXTFBC…)." }),
    fulfillment_type: z
      .enum(Object.keys(FULFILLMENT_TYPES) as [FulfillmentType, ...FulfillmentType[]])
      .nullable()
      .meta({ description: "MKPFBC or EXTFBC when Cdiscount ships the order; null when the seller does." }),
    shipping_code: z.string().nullable().meta({ description: "The delivery mode (STD, TRK, REG, …)." }),
    shipping_date_min: ZTimestamp.nullable(),
    shipping_date_max: ZTimestamp.nullable().meta({ description: "The shipping deadline." }),
    has_claims: z.boolean(),
    currency: z.literal("EUR"),
    amounts: z.object({
      initial_total: ZMoney,
      initial_shipping: ZMoney,
      validated_total: ZMoney,
      validated_shipping: ZMoney,
      shipped_total: ZMoney,
      shipped_shipping: ZMoney,
      site_commission_promised: ZMoney,
      site_commission_validated: ZMoney,
      site_commission_shipped: ZMoney,
    }),
    lines: z.array(ZApiOrderLine),
    customer: ZApiCustomer.nullable().meta({ description: "Null while Cdiscount does not provide it (PaymentInProgress) or when none was sent." }),
    shipping_address: ZApiAddress.nullable(),
    billing_address: ZApiAddress.nullable(),
    tracking: z.object({ carrier: z.string().nullable(), number: z.string().nullable(), url: z.string().nullable() }),
    created_at: ZTimestamp.meta({ description: "When the marketplace created the order." }),
    updated_at: ZTimestamp.meta({ description: "When the marketplace last updated the order." }),
  })
  .register(RESPONSE_SCHEMAS, { id: "Order" });
export type ApiOrder = z.output<typeof ZApiOrder>;

export const ZApiOrderPage = z
  .object({
    data: z.array(ZApiOrder),
    next_cursor: z.string().nullable().meta({ description: "Pass it as `cursor` for the next page; null on the last page." }),
  })
  .register(RESPONSE_SCHEMAS, { id: "OrderPage" });
export type ApiOrderPage = z.output<typeof ZApiOrderPage>;

const outcomeBase = {
  action_id: z.string(),
  order_id: z.string().nullable(),
  marketplace_order_id: z.string(),
  action: z.enum(API_ACTIONS),
};

export const ZApiActionOutcome = z
  .discriminatedUnion("status", [
    z.object({ ...outcomeBase, status: z.literal("succeeded"), order_status: z.string().nullable().meta({ description: "The order's status once re-read from Cdiscount." }) }),
    z.object({
      ...outcomeBase,
      status: z.literal("failed"),
      reason: z.string().meta({
        description:
          "Why: refused (Cdiscount said no), not_sent (the desk's checks stopped it), a transport or sign-in failure that outlasted the retries (network, timeout, server, malformed, sts_html, authentication, token, soap_fault, quota), no_result (Cdiscount answered without this order's result), read_refused (Cdiscount refused the re-read that was to confirm it), configuration, unexpected, or unrecorded (actions stored before reasons were kept).",
      }),
      marketplace_message: z.string().nullable().meta({ description: "Cdiscount's own words, verbatim, when it refused; null otherwise: nothing else is Cdiscount's." }),
      cdiscount_applied: z.enum(["no", "unknown"]).meta({
        description: "no: the order cannot have changed at Cdiscount; unknown (also a refund Cdiscount refused in part): check it on Cdiscount before sending the action again.",
      }),
      error: z.string().meta({ description: "The desk's record of the failure, for logs: Cdiscount's words for a refusal, the technical cause otherwise." }),
    }),
    z.object({
      ...outcomeBase,
      status: z.literal("queued"),
      retry_at: ZTimestamp.nullable().meta({ description: "Cdiscount could not be reached: the desk sends it again from this time." }),
      last_error: z.string().nullable(),
    }),
    z.object({ ...outcomeBase, status: z.literal("in_progress") }),
  ])
  .register(RESPONSE_SCHEMAS, { id: "ActionOutcome" });
export type ApiActionOutcome = z.output<typeof ZApiActionOutcome>;

export const ZApiFieldError = z
  .object({
    field: z.string().meta({ description: "The body property (snake_case), query parameter or header at fault." }),
    code: z.string().meta({ description: "A stable code, e.g. trackingRequiredForMode." }),
    detail: z.string(),
  })
  .register(RESPONSE_SCHEMAS, { id: "FieldError" });

/** RFC 9457 problem details. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().meta({ description: "The desk's error code (UNAUTHENTICATED, NOT_FOUND, INVALID_INPUT, INVALID_STATE…)." }),
    errors: z.array(ZApiFieldError).optional(),
  })
  .register(RESPONSE_SCHEMAS, { id: "Problem" });
export type Problem = z.output<typeof ZProblem>;
