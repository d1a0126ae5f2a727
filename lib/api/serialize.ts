// The one place a stored order, or an action's outcome, becomes what the REST API
// answers. Statuses, buckets and allowed actions come from lib/orders/status.ts; the
// customer and addresses never leave when the status hides them (PaymentInProgress).
import type { Prisma } from "@/lib/db/client";
import type { MarketplaceAddress } from "@/lib/cdiscount/types";
import type { OrderActionOutcome } from "@/lib/order-actions/action-outcome";
import { cdiscountApplied } from "@/lib/order-actions/failure-words";
import { OTHER_STATUS, allowedActions, bucketOf, hidesCustomer, isDisplayedStatus, type DisplayedStatus } from "@/lib/orders/status";
import { isFulfillmentType } from "@/lib/orders/fulfillment";
import { API_ACTION_OF, type ApiActionOutcome, type ApiOrder } from "./schemas";

/** What the serializer reads: the order and its lines, nothing of the timeline. */
export const API_ORDER_SELECT = {
  id: true,
  orderNumber: true,
  marketplaceState: true,
  status: true,
  modGesLog: true,
  fulfillmentType: true,
  deliveredByMarketplace: true,
  shippingCode: true,
  shippingDateMin: true,
  shippingDateMax: true,
  hasClaims: true,
  initialTotalAmount: true,
  initialTotalShippingChargesAmount: true,
  validatedTotalAmount: true,
  validatedTotalShippingCharges: true,
  shippedTotalAmount: true,
  shippedTotalShippingCharges: true,
  siteCommissionPromisedAmount: true,
  siteCommissionValidatedAmount: true,
  siteCommissionShippedAmount: true,
  marketplaceCreatedAt: true,
  marketplaceUpdatedAt: true,
  customerId: true,
  customerCivility: true,
  customerFirstName: true,
  customerLastName: true,
  customerEmail: true,
  customerEncryptedEmail: true,
  customerPhone: true,
  customerMobilePhone: true,
  shippingAddress: true,
  billingAddress: true,
  carrierName: true,
  trackingNumber: true,
  trackingUrl: true,
  lines: { orderBy: { position: "asc" } },
} as const satisfies Prisma.OrderSelect;

export type ApiOrderRow = Prisma.OrderGetPayload<{ select: typeof API_ORDER_SELECT }>;

const money = (value: Prisma.Decimal) => value.toFixed(2);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeOrder(order: ApiOrderRow): ApiOrder {
  const status: DisplayedStatus = isDisplayedStatus(order.status) ? order.status : OTHER_STATUS;
  const hidden = hidesCustomer(status);
  const customer = {
    customer_id: order.customerId,
    civility: order.customerCivility,
    first_name: order.customerFirstName,
    last_name: order.customerLastName,
    email: order.customerEmail,
    encrypted_email: order.customerEncryptedEmail,
    phone: order.customerPhone,
    mobile_phone: order.customerMobilePhone,
  };
  return {
    id: order.id,
    marketplace_order_id: order.orderNumber,
    marketplace_status: order.marketplaceState,
    status,
    bucket: bucketOf(status),
    allowed_actions: allowedActions(status).map((a) => API_ACTION_OF[a]),
    is_delivered_by_marketplace: order.deliveredByMarketplace,
    mod_ges_log: order.modGesLog,
    fulfillment_type: isFulfillmentType(order.fulfillmentType) ? order.fulfillmentType : null,
    shipping_code: order.shippingCode,
    shipping_date_min: iso(order.shippingDateMin),
    shipping_date_max: iso(order.shippingDateMax),
    has_claims: order.hasClaims,
    currency: "EUR",
    amounts: {
      initial_total: money(order.initialTotalAmount),
      initial_shipping: money(order.initialTotalShippingChargesAmount),
      validated_total: money(order.validatedTotalAmount),
      validated_shipping: money(order.validatedTotalShippingCharges),
      shipped_total: money(order.shippedTotalAmount),
      shipped_shipping: money(order.shippedTotalShippingCharges),
      site_commission_promised: money(order.siteCommissionPromisedAmount),
      site_commission_validated: money(order.siteCommissionValidatedAmount),
      site_commission_shipped: money(order.siteCommissionShippedAmount),
    },
    lines: order.lines.map((l) => ({
      position: l.position,
      seller_product_id: l.sellerProductId,
      sku: l.sku,
      product_id: l.productId,
      ean: l.productEan,
      name: l.name,
      condition: l.productCondition,
      marketplace_status: l.acceptationState,
      quantity: l.quantity,
      purchase_price: money(l.purchasePrice),
      unit_shipping_charges: money(l.unitShippingCharges),
      has_claim: l.hasClaim,
      is_fee_line: l.isFeeLine,
      shipping_date_max: iso(l.shippingDateMax),
      delivery_date_min: iso(l.deliveryDateMin),
      delivery_date_max: iso(l.deliveryDateMax),
    })),
    customer: hidden || Object.values(customer).every((v) => v === null) ? null : customer,
    shipping_address: hidden ? null : addressOf(order.shippingAddress),
    billing_address: hidden ? null : addressOf(order.billingAddress),
    tracking: { carrier: order.carrierName, number: order.trackingNumber, url: order.trackingUrl },
    created_at: order.marketplaceCreatedAt.toISOString(),
    // The sync always sets it (order-record.ts falls back to the creation date).
    updated_at: (order.marketplaceUpdatedAt ?? order.marketplaceCreatedAt).toISOString(),
  };
}

function addressOf(value: Prisma.JsonValue | null): ApiOrder["shipping_address"] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const a = value as unknown as Partial<MarketplaceAddress>;
  const text = (v: string | null | undefined) => (typeof v === "string" ? v : null);
  return {
    civility: text(a.civility),
    first_name: text(a.firstName),
    last_name: text(a.lastName),
    company_name: text(a.companyName),
    address1: text(a.address1),
    address2: text(a.address2),
    apartment_number: text(a.apartmentNumber),
    building: text(a.building),
    street: text(a.street),
    place_name: text(a.placeName),
    zip_code: text(a.zipCode),
    city: text(a.city),
    county: text(a.county),
    country: text(a.country),
    instructions: text(a.instructions),
    relay_id: text(a.relayId),
  };
}

export function serializeOutcome(outcome: OrderActionOutcome): ApiActionOutcome {
  const base = { action_id: outcome.actionId, order_id: outcome.orderId, marketplace_order_id: outcome.orderNumber, action: API_ACTION_OF[outcome.action] };
  switch (outcome.status) {
    case "succeeded":
      return { ...base, status: "succeeded", order_status: outcome.orderStatus };
    case "failed": {
      const { failure } = outcome;
      return {
        ...base,
        status: "failed",
        // The API spells its values in snake_case: notSent -> not_sent, stsHtml -> sts_html.
        reason: failure.reason.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
        marketplace_message: failure.reason === "refused" ? failure.message : null,
        cdiscount_applied: cdiscountApplied(failure),
        error: outcome.lastError,
      };
    }
    case "queued":
      return { ...base, status: "queued", retry_at: iso(outcome.retryAt), last_error: outcome.lastError };
    case "inProgress":
      return { ...base, status: "in_progress" };
  }
}
