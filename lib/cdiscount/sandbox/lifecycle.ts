// How orders are born and live in the sandbox, following Cdiscount's flow (reference
// §1.8): WaitingForSellerAcceptation -> AcceptedBySeller -> PaymentInProgress ->
// ValidatedFianet -> WaitingForShipmentAcceptation -> Shipped [-> PickedUp], with
// refusals, customer cancellations, cancellation requests on lines, automatic
// cancellation after the seller's deadline, refused payments and pickups. Every random
// choice is made when the order is created, so the same seed gives the same history
// whatever the order of calls.
import type { MarketplaceAddress, MarketplaceCustomer, MarketplaceOrder, MarketplaceOrderLine } from "../types";
import { formatCdiscountDate } from "../dates";
import {
  CDISCOUNT_CORPORATION,
  CITIES,
  FEE_LINES,
  FIRST_NAMES,
  LAST_NAMES,
  PARTNER_CORPORATION,
  PICKUP_CODES,
  PRODUCTS,
  SHIPPING_CODE_WEIGHTS,
  STREETS,
  UNUSUAL_STATES,
} from "./catalog";
import type { Random } from "./random";

export interface Timings {
  /** Time the seller has to accept (Cdiscount: 2 business days). */
  acceptanceDeadlineMs: number;
  paymentDelayMs: number;
  fianetDelayMs: number;
  customerCancelDelayMs: number;
  cancellationRequestDelayMs: number;
  pickupDelayMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  acceptanceDeadlineMs: 2 * 24 * 3_600_000,
  paymentDelayMs: 10 * 60_000,
  fianetDelayMs: 5 * 60_000,
  customerCancelDelayMs: 3 * 3_600_000,
  cancellationRequestDelayMs: 6 * 3_600_000,
  pickupDelayMs: 3 * 24 * 3_600_000,
};

export type OrderKind = "seller" | "fulfillmentMKPFBC" | "fulfillmentEXTFBC" | "partner" | "unusual";

/** The order's future, decided at birth. */
export interface OrderPlan {
  kind: OrderKind;
  customerCancelsBeforeAcceptance: boolean;
  paymentRefused: boolean;
  customerCancelsBeforePayment: boolean;
  cancellationRequest: boolean;
  pickedUp: boolean;
  /** The next scheduled marketplace event and when it happens. */
  next: { event: LifecycleEvent; at: number } | null;
  /** The order's customer, kept while the marketplace hides it (PaymentInProgress). */
  customer: MarketplaceCustomer;
  shippingAddress: MarketplaceAddress;
  billingAddress: MarketplaceAddress;
}

export type LifecycleEvent =
  | "autoCancel"
  | "customerCancel"
  | "paymentStarts"
  | "paymentDone"
  | "fianetDone"
  | "cancellationRequest"
  | "pickupOutcome";

export interface SandboxOrder {
  order: MarketplaceOrder;
  plan: OrderPlan;
}

const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

function cents(value: number): string {
  // Cdiscount writes decimals without trailing zeros ("29.9", "1").
  const s = (value / 100).toFixed(2);
  return s.replace(/\.?0+$/, "") || "0";
}

function toCents(value: string): number {
  return Math.round(Number(value) * 100);
}

function orderNumber(rng: Random, created: Date): string {
  const paris = formatCdiscountDate(created); // YYYY-MM-DDTHH:mm…
  const stamp = paris.slice(2, 4) + paris.slice(5, 7) + paris.slice(8, 10) + paris.slice(11, 13) + paris.slice(14, 16);
  let suffix = "";
  for (let i = 0; i < 5; i++) suffix += LETTERS[rng.int(0, LETTERS.length - 1)];
  return stamp + suffix;
}

function person(rng: Random) {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const civility = rng.pick(["MR", "MRS", "MISS"] as const);
  return { firstName, lastName, civility };
}

function address(rng: Random, p: ReturnType<typeof person>, relayId: string | null): MarketplaceAddress {
  const place = rng.pick(CITIES);
  return {
    address1: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
    address2: rng.chance(0.2) ? `Bâtiment ${rng.pick(["A", "B", "C"])}` : null,
    apartmentNumber: rng.chance(0.3) ? String(rng.int(1, 60)) : null,
    building: null,
    city: place.city,
    civility: p.civility,
    companyName: rng.chance(0.1) ? "SARL Dupont & Fils" : null,
    country: "FR",
    county: "N/A",
    firstName: p.firstName,
    instructions: rng.chance(0.1) ? "Code porte 1234, 2e étage" : null,
    lastName: p.lastName,
    placeName: null,
    relayId,
    street: null,
    zipCode: place.zip,
  };
}

function shippingChargesFor(code: string): number {
  if (code === "STD") return 0;
  if (code === "EXP") return 990;
  if (code.startsWith("LV")) return 2900;
  if (PICKUP_CODES.has(code)) return 390;
  return code === "REG" ? 690 : 490;
}

export interface CreateOrderOptions {
  now: number;
  kind?: OrderKind;
  timings: Timings;
  /** Backdate the order (seeding history); defaults to now. */
  createdAt?: number;
}

export function pickKind(rng: Random): OrderKind {
  return rng.weighted({ seller: 82, fulfillmentMKPFBC: 7, fulfillmentEXTFBC: 3, partner: 5, unusual: 3 });
}

export function createOrder(rng: Random, options: CreateOrderOptions): SandboxOrder {
  const kind = options.kind ?? pickKind(rng);
  const createdAt = options.createdAt ?? options.now;
  const created = new Date(createdAt);
  const shippingCode = kind.startsWith("fulfillment") ? rng.pick(["STD", "TRK", "EXP"] as const) : rng.weighted(SHIPPING_CODE_WEIGHTS);
  const buyer = person(rng);
  const relayId = PICKUP_CODES.has(shippingCode) ? `R${rng.int(10000, 99999)}` : null;
  const customer: MarketplaceCustomer = {
    civility: buyer.civility,
    customerId: String(rng.int(1_000_000, 9_999_999)),
    email: null,
    encryptedEmail: `c.${rng.int(100000, 999999).toString(16)}${rng.int(100000, 999999).toString(16)}@clemarche.com`,
    firstName: buyer.firstName,
    lastName: buyer.lastName,
    mobilePhone: `06${String(rng.int(10000000, 99999999))}`,
    phone: null,
    shippingFirstName: buyer.firstName,
    shippingLastName: buyer.lastName,
  };
  const shippingAddress = address(rng, buyer, relayId);
  const billingAddress = { ...shippingAddress, relayId: null };

  const lineCount = rng.weighted({ 1: 45, 2: 30, 3: 15, 4: 10 });
  const lines: MarketplaceOrderLine[] = [];
  let productTotal = 0;
  const chosen = new Set<string>();
  for (let i = 0; i < Number(lineCount); i++) {
    const product = rng.pick(PRODUCTS);
    if (chosen.has(product.sku)) continue;
    chosen.add(product.sku);
    const quantity = rng.weighted({ 1: 80, 2: 15, 3: 5 });
    const lineTotal = toCents(product.price) * Number(quantity);
    productTotal += lineTotal;
    lines.push({
      acceptationState: "None",
      categoryCode: product.category,
      deliveryDateMax: new Date(createdAt + 7 * 86_400_000),
      deliveryDateMin: new Date(createdAt + 3 * 86_400_000),
      hasClaim: false,
      initialPrice: null,
      isCDAV: rng.chance(0.1),
      isNegotiated: null,
      isProductEanGenerated: false,
      name: product.name,
      productCondition: rng.chance(0.9) ? "New" : rng.pick(["LikeNew", "VeryGoodState", "GoodState"] as const),
      productEan: product.ean,
      productId: `AUC${product.ean}`,
      purchasePrice: cents(lineTotal),
      quantity: Number(quantity),
      refundShippingCharges: null,
      rowId: lines.length,
      sellerProductId: product.sku,
      shippingDateMax: null,
      shippingDateMin: null,
      sku: `AUC${product.ean}`,
      skuParent: null,
      unitAdditionalShippingCharges: "0",
      unitShippingCharges: cents(shippingChargesFor(shippingCode)),
    });
  }
  if (rng.chance(0.08)) {
    const fee = rng.pick(FEE_LINES);
    productTotal += toCents(fee.price);
    lines.push({ ...lines[0]!, name: fee.name, sellerProductId: "", sku: null, productId: null, productEan: null, purchasePrice: fee.price, quantity: 1, rowId: lines.length, unitShippingCharges: "0", categoryCode: null });
  }
  const shipping = shippingChargesFor(shippingCode);
  const total = productTotal + shipping;
  const commission = Math.round(productTotal * 0.12);

  const corporation = kind === "partner" ? PARTNER_CORPORATION : CDISCOUNT_CORPORATION;
  const fulfillment = kind === "fulfillmentMKPFBC" ? "MKPFBC" : kind === "fulfillmentEXTFBC" ? "EXTFBC" : null;
  const order: MarketplaceOrder = {
    orderNumber: orderNumber(rng, created),
    orderState: "WaitingForSellerAcceptation",
    archiveParcelList: false,
    corporationCode: corporation.code,
    corporationName: corporation.name,
    creationDate: created,
    lastUpdatedDate: created,
    modifiedDate: created,
    hasClaims: false,
    isCLogistiqueOrder: kind === "fulfillmentMKPFBC",
    isEligibileSubstitution: false,
    modGesLog: fulfillment ?? "MKPCDS",
    partnerOrderRef: null,
    shippingCode,
    shippingDateMax: new Date(createdAt + 7 * 86_400_000),
    shippingDateMin: new Date(createdAt + 3 * 86_400_000),
    status: "Waiting",
    validationStatus: "None",
    visaCegid: rng.pick([98, 230, 243]),
    initialTotalAmount: cents(total),
    initialTotalShippingChargesAmount: cents(shipping),
    shippedTotalAmount: "0",
    shippedTotalShippingCharges: "0",
    siteCommissionPromisedAmount: cents(commission),
    siteCommissionShippedAmount: "0",
    siteCommissionValidatedAmount: "0",
    validatedTotalAmount: cents(total),
    validatedTotalShippingCharges: cents(shipping),
    customer,
    billingAddress,
    shippingAddress,
    lines,
    parcels: [],
    vouchers: [],
  };
  const plan: OrderPlan = {
    kind,
    customerCancelsBeforeAcceptance: rng.chance(0.04),
    paymentRefused: rng.chance(0.04),
    customerCancelsBeforePayment: rng.chance(0.03),
    cancellationRequest: rng.chance(0.05),
    pickedUp: rng.chance(0.85),
    next: null,
    customer,
    shippingAddress,
    billingAddress,
  };

  if (fulfillment) {
    // Cdiscount ships fulfillment orders itself: they arrive already Shipped.
    setShipped(order, createdAt, { carrierName: "Cdiscount Fulfilment", trackingNumber: `FBC${rng.int(1e8, 1e9 - 1)}`, trackingUrl: null });
    order.status = "Completed";
  } else if (kind === "unusual") {
    order.orderState = rng.pick(UNUSUAL_STATES);
  } else {
    plan.next = plan.customerCancelsBeforeAcceptance
      ? { event: "customerCancel", at: createdAt + Math.round(options.timings.customerCancelDelayMs * rng.next()) }
      : { event: "autoCancel", at: createdAt + options.timings.acceptanceDeadlineMs };
  }
  return { order, plan };
}

function productLines(order: MarketplaceOrder): MarketplaceOrderLine[] {
  return order.lines.filter((l) => l.sellerProductId);
}

export function setLineStates(order: MarketplaceOrder, state: string): void {
  for (const line of productLines(order)) line.acceptationState = state;
}

function touch(order: MarketplaceOrder, at: number): void {
  order.lastUpdatedDate = new Date(at);
  order.modifiedDate = new Date(at);
}

export function setShipped(order: MarketplaceOrder, at: number, tracking: { carrierName: string; trackingNumber: string | null; trackingUrl: string | null }): void {
  order.orderState = "Shipped";
  setLineStates(order, "ShippedBySeller");
  for (const line of productLines(order)) {
    line.shippingDateMin = new Date(at);
    line.shippingDateMax = new Date(at);
  }
  order.shippedTotalAmount = order.validatedTotalAmount;
  order.shippedTotalShippingCharges = order.validatedTotalShippingCharges;
  order.siteCommissionShippedAmount = order.siteCommissionPromisedAmount;
  order.parcels = [
    {
      customerNum: null,
      externalCarrierName: tracking.carrierName,
      externalCarrierTrackingUrl: tracking.trackingUrl,
      isCustomerReturn: false,
      items: productLines(order).map((l) => ({ productName: l.name, quantity: l.quantity, sku: l.sku })),
      parcelStatus: "Committed The Transporter",
      realCarrierCode: tracking.trackingNumber,
    },
  ];
  touch(order, at);
}

/** Applies the seller's accepted validation (the rules were checked by the caller). */
export function applySellerDecision(
  entry: SandboxOrder,
  target: "AcceptedBySeller" | "RefusedBySeller" | "Shipped" | "ShipmentRefusedBySeller",
  at: number,
  timings: Timings,
  tracking?: { carrierName: string; trackingNumber: string | null; trackingUrl: string | null },
): void {
  const { order, plan } = entry;
  switch (target) {
    case "AcceptedBySeller":
      order.orderState = "AcceptedBySeller";
      setLineStates(order, "AcceptedBySeller");
      plan.next = { event: "paymentStarts", at: at + timings.paymentDelayMs };
      break;
    case "RefusedBySeller":
    case "ShipmentRefusedBySeller":
      // The order and its lines take the same state name (reference §1.6).
      order.orderState = target;
      setLineStates(order, target);
      order.status = "Cancelled";
      plan.next = null;
      break;
    case "Shipped":
      setShipped(order, at, tracking ?? { carrierName: "", trackingNumber: null, trackingUrl: null });
      order.status = "Completed";
      plan.next = order.shippingCode && PICKUP_CODES.has(order.shippingCode) ? { event: "pickupOutcome", at: at + timings.pickupDelayMs } : null;
      break;
  }
  touch(order, at);
}

/** Runs one due marketplace event; returns false when nothing was due. */
export function applyDueEvent(entry: SandboxOrder, now: number, timings: Timings): boolean {
  const { order, plan } = entry;
  const next = plan.next;
  if (!next || next.at > now) return false;
  const at = next.at;
  plan.next = null;
  switch (next.event) {
    case "autoCancel":
      if (order.orderState === "WaitingForSellerAcceptation") {
        order.orderState = "AutomaticCancellation";
        order.status = "Cancelled";
        setLineStates(order, "RefusedBySeller");
      }
      break;
    case "customerCancel":
      if (order.orderState === "WaitingForSellerAcceptation" || order.orderState === "PaymentInProgress") {
        const beforePayment = order.orderState === "PaymentInProgress";
        order.orderState = "CancelledByCustomer";
        order.status = "Cancelled";
        setLineStates(order, beforePayment ? "CancelledBeforePaymentByCustomer" : "CancelledBeforeNotificationByCustomer");
        restoreCustomer(entry);
      }
      break;
    case "paymentStarts":
      order.orderState = "PaymentInProgress";
      // The marketplace gives no customer name or address while the payment is checked.
      order.customer = null;
      order.shippingAddress = null;
      order.billingAddress = null;
      plan.next = plan.customerCancelsBeforePayment
        ? { event: "customerCancel", at: at + Math.round(timings.paymentDelayMs / 2) }
        : { event: "paymentDone", at: at + timings.paymentDelayMs };
      break;
    case "paymentDone":
      restoreCustomer(entry);
      if (plan.paymentRefused) {
        order.orderState = "PaymentRefused";
        order.status = "Cancelled";
        setLineStates(order, "PaymentRefused");
      } else {
        order.orderState = "ValidatedFianet";
        order.validationStatus = "None";
        order.siteCommissionValidatedAmount = order.siteCommissionPromisedAmount;
        plan.next = { event: "fianetDone", at: at + timings.fianetDelayMs };
      }
      break;
    case "fianetDone":
      order.orderState = "WaitingForShipmentAcceptation";
      order.status = "Validated";
      if (plan.cancellationRequest) plan.next = { event: "cancellationRequest", at: at + timings.cancellationRequestDelayMs };
      break;
    case "cancellationRequest":
      if (order.orderState === "WaitingForShipmentAcceptation") {
        const line = productLines(order)[0];
        if (line) line.acceptationState = "CancellationRequestPending";
      }
      break;
    case "pickupOutcome":
      order.orderState = plan.pickedUp ? "PickedUp" : "NonPickedUpByCustomer";
      if (order.parcels[0]) order.parcels[0].parcelStatus = plan.pickedUp ? "Delivered" : "Not Delivered - Back Transporter";
      break;
  }
  touch(order, at);
  return true;
}

function restoreCustomer(entry: SandboxOrder): void {
  entry.order.customer = entry.plan.customer;
  entry.order.shippingAddress = entry.plan.shippingAddress;
  entry.order.billingAddress = entry.plan.billingAddress;
}

/** Moves a freshly created order along its flow up to `until` (used to seed history). */
export function ageOrder(entry: SandboxOrder, until: number, timings: Timings, sellerAccepts: boolean, shipAt?: (entry: SandboxOrder) => number | null): void {
  for (let guard = 0; guard < 20; guard++) {
    const { order } = entry;
    if (order.orderState === "WaitingForSellerAcceptation" && sellerAccepts && entry.plan.next?.event === "autoCancel") {
      const acceptAt = order.creationDate.getTime() + Math.round(timings.acceptanceDeadlineMs / 8);
      if (acceptAt <= until) {
        applySellerDecision(entry, "AcceptedBySeller", acceptAt, timings);
        continue;
      }
    }
    if (order.orderState === "WaitingForShipmentAcceptation" && shipAt) {
      const at = shipAt(entry);
      if (at !== null && at <= until) {
        applySellerDecision(entry, "Shipped", at, timings, { carrierName: "Colissimo", trackingNumber: `6A${order.orderNumber.slice(-9)}`, trackingUrl: null });
        continue;
      }
    }
    if (!applyDueEvent(entry, until, timings)) return;
  }
}
