// A marketplace order as the desk stores it: the brief's status derived from the order
// and its lines by the one rule in lib/orders/status.ts, fulfillment read from ModGesLog
// and IsCLogistiqueOrder, only Cdiscount's own orders kept.
import type { MarketplaceAddress, MarketplaceOrder } from "@/lib/cdiscount/types";
import { bucketOf, deriveDisplayedStatus } from "@/lib/orders/status";
import { fulfillmentOf } from "@/lib/orders/fulfillment";

export interface LineRecord {
  position: number;
  sellerProductId: string | null;
  sku: string | null;
  productId: string | null;
  productEan: string | null;
  name: string | null;
  categoryCode: string | null;
  productCondition: string | null;
  acceptationState: string | null;
  quantity: number;
  purchasePrice: string;
  initialPrice: string | null;
  unitShippingCharges: string;
  unitAdditionalShippingCharges: string;
  deliveryDateMin: Date | null;
  deliveryDateMax: Date | null;
  shippingDateMin: Date | null;
  shippingDateMax: Date | null;
  hasClaim: boolean;
  refundShippingCharges: boolean | null;
  isFeeLine: boolean;
}

export interface OrderRecord {
  orderNumber: string;
  marketplaceState: string;
  status: string;
  bucket: string;
  paymentStatus: string | null;
  validationStatus: string | null;
  corporationCode: string | null;
  shippingCode: string | null;
  modGesLog: string | null;
  fulfillmentType: string | null;
  isCLogistiqueOrder: boolean;
  deliveredByMarketplace: boolean;
  hasClaims: boolean;
  partnerOrderRef: string | null;
  initialTotalAmount: string;
  initialTotalShippingChargesAmount: string;
  validatedTotalAmount: string;
  validatedTotalShippingCharges: string;
  shippedTotalAmount: string;
  shippedTotalShippingCharges: string;
  siteCommissionPromisedAmount: string;
  siteCommissionValidatedAmount: string;
  siteCommissionShippedAmount: string;
  marketplaceCreatedAt: Date;
  /** When the marketplace last changed the order: the version that wins. */
  marketplaceUpdatedAt: Date;
  shippingDateMin: Date | null;
  shippingDateMax: Date | null;
  customerId: string | null;
  customerCivility: string | null;
  customerFirstName: string | null;
  customerLastName: string | null;
  customerEmail: string | null;
  customerEncryptedEmail: string | null;
  customerPhone: string | null;
  customerMobilePhone: string | null;
  shippingAddress: MarketplaceAddress | null;
  billingAddress: MarketplaceAddress | null;
  lines: LineRecord[];
}

export function isOwnOrder(order: MarketplaceOrder, corporationCode: string): boolean {
  return order.corporationCode === corporationCode;
}

export function toOrderRecord(order: MarketplaceOrder): OrderRecord {
  const lines: LineRecord[] = order.lines.map((l, position) => ({
    position,
    sellerProductId: l.sellerProductId || null,
    sku: l.sku,
    productId: l.productId,
    productEan: l.productEan,
    name: l.name,
    categoryCode: l.categoryCode,
    productCondition: l.productCondition,
    acceptationState: l.acceptationState,
    quantity: l.quantity,
    purchasePrice: l.purchasePrice,
    initialPrice: l.initialPrice,
    unitShippingCharges: l.unitShippingCharges,
    unitAdditionalShippingCharges: l.unitAdditionalShippingCharges,
    deliveryDateMin: l.deliveryDateMin,
    deliveryDateMax: l.deliveryDateMax,
    shippingDateMin: l.shippingDateMin,
    shippingDateMax: l.shippingDateMax,
    hasClaim: l.hasClaim,
    refundShippingCharges: l.refundShippingCharges,
    // Fee pseudo-lines (processing fees, BCA interest) have no seller SKU.
    isFeeLine: !l.sellerProductId,
  }));
  const status = deriveDisplayedStatus({
    orderState: order.orderState,
    lineStates: lines.filter((l) => !l.isFeeLine).map((l) => l.acceptationState),
  });
  const fulfillment = fulfillmentOf(order);
  const customer = order.customer;
  return {
    orderNumber: order.orderNumber,
    marketplaceState: order.orderState,
    status,
    bucket: bucketOf(status),
    paymentStatus: order.status,
    validationStatus: order.validationStatus,
    corporationCode: order.corporationCode,
    shippingCode: order.shippingCode,
    modGesLog: order.modGesLog,
    fulfillmentType: fulfillment.fulfillmentType,
    isCLogistiqueOrder: order.isCLogistiqueOrder,
    deliveredByMarketplace: fulfillment.deliveredByMarketplace,
    hasClaims: order.hasClaims,
    partnerOrderRef: order.partnerOrderRef,
    initialTotalAmount: order.initialTotalAmount,
    initialTotalShippingChargesAmount: order.initialTotalShippingChargesAmount,
    validatedTotalAmount: order.validatedTotalAmount,
    validatedTotalShippingCharges: order.validatedTotalShippingCharges,
    shippedTotalAmount: order.shippedTotalAmount,
    shippedTotalShippingCharges: order.shippedTotalShippingCharges,
    siteCommissionPromisedAmount: order.siteCommissionPromisedAmount,
    siteCommissionValidatedAmount: order.siteCommissionValidatedAmount,
    siteCommissionShippedAmount: order.siteCommissionShippedAmount,
    marketplaceCreatedAt: order.creationDate,
    marketplaceUpdatedAt: order.lastUpdatedDate ?? order.modifiedDate ?? order.creationDate,
    shippingDateMin: order.shippingDateMin,
    shippingDateMax: order.shippingDateMax,
    customerId: customer?.customerId ?? null,
    customerCivility: customer?.civility ?? null,
    customerFirstName: customer?.firstName ?? null,
    customerLastName: customer?.lastName ?? null,
    customerEmail: customer?.email ?? null,
    customerEncryptedEmail: customer?.encryptedEmail ?? null,
    customerPhone: customer?.phone ?? null,
    customerMobilePhone: customer?.mobilePhone ?? null,
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    lines,
  };
}
