// The marketplace's order data, as Cdiscount's GetOrderList describes it (reference
// §1.5), in TypeScript terms. Money stays an exact decimal string; states stay strings
// (Cdiscount adds states over time: unknown values are kept, never rejected).

export type Money = string;

export interface MarketplaceAddress {
  address1: string | null;
  address2: string | null;
  apartmentNumber: string | null;
  building: string | null;
  city: string | null;
  civility: string | null;
  companyName: string | null;
  country: string | null;
  county: string | null;
  firstName: string | null;
  instructions: string | null;
  lastName: string | null;
  placeName: string | null;
  relayId: string | null;
  street: string | null;
  zipCode: string | null;
}

export interface MarketplaceCustomer {
  civility: string | null;
  customerId: string | null;
  email: string | null;
  encryptedEmail: string | null;
  firstName: string | null;
  lastName: string | null;
  mobilePhone: string | null;
  phone: string | null;
  shippingFirstName: string | null;
  shippingLastName: string | null;
}

export interface MarketplaceOrderLine {
  acceptationState: string | null;
  categoryCode: string | null;
  deliveryDateMax: Date | null;
  deliveryDateMin: Date | null;
  hasClaim: boolean;
  initialPrice: Money | null;
  isCDAV: boolean;
  isNegotiated: boolean | null;
  isProductEanGenerated: boolean;
  name: string | null;
  productCondition: string | null;
  productEan: string | null;
  productId: string | null;
  purchasePrice: Money;
  quantity: number;
  refundShippingCharges: boolean | null;
  rowId: number;
  /** The seller's SKU; empty on fee pseudo-lines. */
  sellerProductId: string | null;
  shippingDateMax: Date | null;
  shippingDateMin: Date | null;
  sku: string | null;
  skuParent: string | null;
  unitAdditionalShippingCharges: Money;
  unitShippingCharges: Money;
}

export interface MarketplaceParcelItem {
  productName: string | null;
  quantity: number;
  sku: string | null;
}

export interface MarketplaceParcel {
  customerNum: string | null;
  externalCarrierName: string | null;
  externalCarrierTrackingUrl: string | null;
  isCustomerReturn: boolean;
  items: MarketplaceParcelItem[];
  /** Values contain spaces, e.g. "Not Delivered - Back Transporter". */
  parcelStatus: string | null;
  realCarrierCode: string | null;
}

export interface MarketplaceVoucher {
  createDate: Date | null;
  amount: Money | null;
  motiveId: number | null;
  source: string | null;
}

export interface MarketplaceOrder {
  orderNumber: string;
  orderState: string;
  archiveParcelList: boolean;
  corporationCode: string | null;
  corporationName: string | null;
  creationDate: Date;
  lastUpdatedDate: Date | null;
  modifiedDate: Date | null;
  hasClaims: boolean;
  isCLogistiqueOrder: boolean;
  isEligibileSubstitution: boolean;
  modGesLog: string | null;
  partnerOrderRef: string | null;
  shippingCode: string | null;
  shippingDateMax: Date | null;
  shippingDateMin: Date | null;
  /** OrderStatusType: payment/processing status, distinct from the order state. */
  status: string | null;
  validationStatus: string | null;
  visaCegid: number | null;
  initialTotalAmount: Money;
  initialTotalShippingChargesAmount: Money;
  shippedTotalAmount: Money;
  shippedTotalShippingCharges: Money;
  siteCommissionPromisedAmount: Money;
  siteCommissionShippedAmount: Money;
  siteCommissionValidatedAmount: Money;
  validatedTotalAmount: Money;
  validatedTotalShippingCharges: Money;
  customer: MarketplaceCustomer | null;
  billingAddress: MarketplaceAddress | null;
  shippingAddress: MarketplaceAddress | null;
  /** Only when the filter asked for FetchOrderLines. */
  lines: MarketplaceOrderLine[];
  /** Only when the filter asked for FetchParcels. */
  parcels: MarketplaceParcel[];
  vouchers: MarketplaceVoucher[];
}

export const ORDER_TYPES = ["IsFulfillment", "MKPFBC", "EXTFBC", "None"] as const;
export const FILTER_COUNTRIES = ["All", "Belgium", "France", "Germany", "Spain", "Italy", "Luxembourg"] as const;

export interface OrderFilter {
  beginCreationDate?: Date;
  endCreationDate?: Date;
  beginModificationDate?: Date;
  endModificationDate?: Date;
  corporationCode?: string;
  country?: (typeof FILTER_COUNTRIES)[number];
  fetchOrderLines?: boolean;
  fetchParcels?: boolean;
  includeExternalFbcSiteId?: boolean;
  /** Order numbers; Cdiscount then ignores every other filter. */
  orderReferenceList?: string[];
  orderType?: (typeof ORDER_TYPES)[number];
  partnerOrderRef?: string;
  /** OrderStateEnum values. Cdiscount ignores date filters sent without states. */
  states?: string[];
}

/** The order states a seller may ask ValidateOrderList for, and the line state each implies. */
export const VALIDATION_TARGETS = {
  AcceptedBySeller: "AcceptedBySeller",
  RefusedBySeller: "RefusedBySeller",
  Shipped: "ShippedBySeller",
  ShipmentRefusedBySeller: "ShipmentRefusedBySeller",
} as const;
export type ValidationTarget = keyof typeof VALIDATION_TARGETS;

export interface ValidateOrderLine {
  acceptationState: string;
  productCondition: string;
  sellerProductId: string;
  typeOfReturn?: "AskingForReturn" | "AskingForReturnAndRemoval";
}

export interface ValidateOrder {
  orderNumber: string;
  orderState: ValidationTarget;
  /** The order's delivery mode: not sent, used to check the shipment before sending. */
  shippingCode?: string | null;
  carrierName?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  lines: ValidateOrderLine[];
}

export interface MarketplaceMessage {
  type: string | null;
  message: string;
}

export interface ValidateOrderResult {
  orderNumber: string;
  validated: boolean;
  errors: MarketplaceMessage[];
  warnings: MarketplaceMessage[];
  lineResults: { sellerProductId: string | null; updated: boolean; errors: MarketplaceMessage[] }[];
}

export const REFUND_MOTIVES = [
  "VendorRejection",
  "ClientCancellation",
  "VendorRejectionAndClientCancellation",
  "ClientClaim",
  "VendorInitiatedRefund",
  "ClientRetraction",
  "NoClientWithDrawal",
  "ProductStockUnavailable",
] as const;
export type RefundMotive = (typeof REFUND_MOTIVES)[number];
export const REFUND_MODES = ["Claim", "Retraction"] as const;
export type RefundMode = (typeof REFUND_MODES)[number];

/** Commercial-gesture motives (MotiveId), reference §1.10. */
export const COMMERCIAL_GESTURE_MOTIVES: Readonly<Record<number, string>> = {
  131: "Compensation on missing stock",
  132: "Product or accessory delivered damaged or missing",
  133: "Error of reference, colour or size",
  134: "Fees unduly charged to the customer",
  135: "Late delivery",
  136: "Product return fees",
  137: "Shipping fees",
  138: "Warranty period or right of withdrawal passed",
  139: "Others",
};

export interface RefundRequest {
  orderNumber: string;
  sellerRefunds: { mode: RefundMode; motive: RefundMotive; sellerProductId: string; ean?: string | null; refundShippingCharges?: boolean }[];
  commercialGestures: { amount: Money; motiveId: number }[];
}

export interface RefundResult {
  orderNumber: string | null;
  sellerRefunds: { sellerProductId: string | null; ean: string | null; motive: string | null; value: Money | null; success: boolean; errorMessage: string | null }[];
  commercialGestures: { amount: Money | null; motiveId: number | null }[];
}

export interface Carrier {
  id: number;
  name: string;
  defaultUrl: string | null;
}

/**
 * Every OrderStateEnum value of the WSDL (reference §1.8), internal ones included: the
 * States filter accepts only these, and the sync asks for all of them so that no order
 * disappears from the desk because its state is unusual.
 */
export const ORDER_STATE_ENUM = [
  "CancelledByCustomer",
  "WaitingForSellerAcceptation",
  "AcceptedBySeller",
  "PaymentInProgress",
  "WaitingForShipmentAcceptation",
  "Shipped",
  "RefusedBySeller",
  "AutomaticCancellation",
  "PaymentRefused",
  "ShipmentRefusedBySeller",
  "None",
  "ValidatedFianet",
  "RefusedNoShipment",
  "AvailableOnStore",
  "NonPickedUpByCustomer",
  "PickedUp",
  "ServiceCanceled",
  "PendingShipmentForAssociatedProduct",
  "BlockedWaitingForTreatment",
  "BlockedWaitingForProof",
  "BlockedRepeatedLitigationSuspicion",
  "BlockedFraudSuspicion",
  "BlockedConfirmed",
  "FinishedGenerixUpdate",
  "BlockedRepeatedLitigationSuspicionConfirmation",
  "BlockedFraudSuspicionConfirmation",
  "CegidDown",
  "BlockedAutomaticCds",
  "BeingCancelled",
  "BeingModified",
  "RequestGoingToGnx",
  "PartialInGnx",
  "BeingValidatedFianet",
  "BlockedMarketplaceService",
] as const;
