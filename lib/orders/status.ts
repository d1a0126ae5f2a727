// The single source of truth for order statuses: the product brief's statuses, their
// bucket, labels, meaning, and the seller actions each allows. (The brief announces 19
// but its four lists name 18 distinct statuses; this table holds exactly those.) The UI, the
// server actions, the sync engine and the REST API all read this table.

export type Locale = "fr" | "en";
export type Localized = Readonly<Record<Locale, string>>;

export const BUCKETS = ["NEW", "WAITING_SHIPMENT", "SHIPPED", "CANCELED", "OTHER"] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BUCKET_LABELS: Readonly<Record<Bucket, Localized>> = {
  NEW: { fr: "Nouvelles", en: "New" },
  WAITING_SHIPMENT: { fr: "À expédier", en: "Waiting for shipment" },
  SHIPPED: { fr: "Expédiées", en: "Shipped" },
  CANCELED: { fr: "Annulées", en: "Canceled" },
  OTHER: { fr: "Autres états", en: "Other states" },
};

export const SELLER_ACTIONS = ["accept", "refuse", "ship", "refuseShipment", "refund"] as const;
export type SellerAction = (typeof SELLER_ACTIONS)[number];

/** Where Cdiscount carries the state: on the order, or only on its lines (reference §1.8). */
type StateLevel = "order" | "line";

interface StatusDefinition {
  readonly bucket: Exclude<Bucket, "OTHER">;
  readonly label: Localized;
  readonly meaning: Localized;
  readonly actions: readonly SellerAction[];
  /** PaymentInProgress: the marketplace does not provide the customer's name and address yet. */
  readonly hidesCustomer: boolean;
  readonly level: StateLevel;
}

const none: readonly SellerAction[] = [];

export const ORDER_STATUSES = {
  // New
  WaitingForSellerAcceptation: {
    bucket: "NEW",
    label: { fr: "En attente d'acceptation", en: "Waiting for acceptance" },
    meaning: {
      fr: "Nouvelle commande : acceptez-la ou refusez-la (vérification du stock).",
      en: "New order: accept or refuse it (stock check).",
    },
    actions: ["accept", "refuse"],
    hidesCustomer: false,
    level: "order",
  },
  AcceptedBySeller: {
    bucket: "NEW",
    label: { fr: "Acceptée", en: "Accepted by seller" },
    meaning: {
      fr: "Vous avez accepté la commande ; Cdiscount vérifie le paiement.",
      en: "You accepted the order; Cdiscount is checking the payment.",
    },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  ValidatedFianet: {
    bucket: "NEW",
    label: { fr: "Validée Fianet", en: "Validated by Fianet" },
    meaning: {
      fr: "Paiement validé par le contrôle anti-fraude Fianet.",
      en: "Payment validated by the Fianet fraud check.",
    },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  PaymentInProgress: {
    bucket: "NEW",
    label: { fr: "Paiement en cours", en: "Payment in progress" },
    meaning: {
      fr: "Paiement en cours de validation : aucune action ; nom et adresse du client non fournis.",
      en: "Payment being validated: no action; customer name and address not provided.",
    },
    actions: none,
    hidesCustomer: true,
    level: "order",
  },
  // Waiting for shipment
  WaitingForShipmentAcceptation: {
    bucket: "WAITING_SHIPMENT",
    label: { fr: "À expédier", en: "Waiting for shipment" },
    meaning: {
      fr: "Commande payée : expédiez-la ou refusez l'expédition.",
      en: "Paid order: ship it or refuse the shipment.",
    },
    actions: ["ship", "refuseShipment"],
    hidesCustomer: false,
    level: "order",
  },
  // Shipped
  Shipped: {
    bucket: "SHIPPED",
    label: { fr: "Expédiée", en: "Shipped" },
    meaning: {
      fr: "Expédiée et en cours de livraison ; un remboursement est possible.",
      en: "Shipped and in transit; a refund is possible.",
    },
    actions: ["refund"],
    hidesCustomer: false,
    level: "order",
  },
  ShippedBySeller: {
    bucket: "SHIPPED",
    label: { fr: "Expédiée par le vendeur", en: "Shipped by seller" },
    meaning: {
      fr: "Expédition confirmée par le vendeur sur les lignes ; Cdiscount ne l'a pas encore prise en compte.",
      en: "Shipment confirmed by the seller on the lines; Cdiscount has not recorded it on the order yet.",
    },
    actions: none,
    hidesCustomer: false,
    level: "line",
  },
  PickedUp: {
    bucket: "SHIPPED",
    label: { fr: "Retirée", en: "Picked up" },
    meaning: { fr: "Commande retirée par le client.", en: "Order picked up by the customer." },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  // Canceled
  PaymentRefused: {
    bucket: "CANCELED",
    label: { fr: "Paiement refusé", en: "Payment refused" },
    meaning: { fr: "Le paiement du client a été refusé.", en: "The customer's payment was refused." },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  AutomaticCancellation: {
    bucket: "CANCELED",
    label: { fr: "Annulation automatique", en: "Automatic cancellation" },
    meaning: {
      fr: "Annulée automatiquement, par exemple sans réponse du vendeur dans le délai.",
      en: "Canceled automatically, e.g. no answer from the seller within the deadline.",
    },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  ShipmentRefusedBySeller: {
    bucket: "CANCELED",
    label: { fr: "Expédition refusée", en: "Shipment refused by seller" },
    meaning: {
      fr: "Le vendeur a refusé d'expédier après le paiement.",
      en: "The seller refused to ship after payment.",
    },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  CancelledByCustomer: {
    bucket: "CANCELED",
    label: { fr: "Annulée par le client", en: "Cancelled by customer" },
    meaning: { fr: "Le client a annulé la commande.", en: "The customer cancelled the order." },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  RefusedNoShipment: {
    bucket: "CANCELED",
    label: { fr: "Refusée sans expédition", en: "Refused, no shipment" },
    meaning: { fr: "Refusée, aucune expédition.", en: "Refused, nothing shipped." },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  CancelledBeforePaymentByCustomer: {
    bucket: "CANCELED",
    label: { fr: "Annulée avant paiement", en: "Cancelled before payment" },
    meaning: {
      fr: "Le client a annulé avant le paiement.",
      en: "The customer cancelled before paying.",
    },
    actions: none,
    hidesCustomer: false,
    level: "line",
  },
  CancelledBeforeNotificationByCustomer: {
    bucket: "CANCELED",
    label: { fr: "Annulée avant notification", en: "Cancelled before notification" },
    meaning: {
      fr: "Le client a annulé avant que le vendeur soit notifié.",
      en: "The customer cancelled before the seller was notified.",
    },
    actions: none,
    hidesCustomer: false,
    level: "line",
  },
  CancellationRequestPending: {
    bucket: "CANCELED",
    label: { fr: "Demande d'annulation en cours", en: "Cancellation request pending" },
    meaning: {
      fr: "Le client demande l'annulation d'une ligne après acceptation.",
      en: "The customer asked to cancel a line after acceptance.",
    },
    actions: none,
    hidesCustomer: false,
    level: "line",
  },
  NonPickedUpByCustomer: {
    bucket: "CANCELED",
    label: { fr: "Non retirée par le client", en: "Not picked up by customer" },
    meaning: {
      fr: "Annulée car le client n'a pas retiré la commande.",
      en: "Cancelled because the customer did not pick the order up.",
    },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
  RefusedBySeller: {
    bucket: "CANCELED",
    label: { fr: "Refusée par le vendeur", en: "Refused by seller" },
    meaning: { fr: "Vous avez refusé la commande.", en: "You refused the order." },
    actions: none,
    hidesCustomer: false,
    level: "order",
  },
} as const satisfies Record<string, StatusDefinition>;

export type OrderStatus = keyof typeof ORDER_STATUSES;
/** A marketplace state outside the brief's statuses: shown with its raw name, never dropped. */
export const OTHER_STATUS = "Other";
export type DisplayedStatus = OrderStatus | typeof OTHER_STATUS;

export const ORDER_STATUS_NAMES = Object.keys(ORDER_STATUSES) as OrderStatus[];
export const DISPLAYED_STATUSES: readonly DisplayedStatus[] = [...ORDER_STATUS_NAMES, OTHER_STATUS];

const OTHER_DEFINITION = {
  bucket: "OTHER",
  label: { fr: "Autre état", en: "Other state" },
  meaning: {
    fr: "État Cdiscount hors des statuts suivis : affiché tel quel, aucune action.",
    en: "A Cdiscount state outside the tracked statuses: shown as is, no action.",
  },
  actions: none,
  hidesCustomer: false,
} as const;

export function isOrderStatus(value: string): value is OrderStatus {
  return Object.hasOwn(ORDER_STATUSES, value);
}

export function isDisplayedStatus(value: string): value is DisplayedStatus {
  return value === OTHER_STATUS || isOrderStatus(value);
}

export function statusInfo(status: DisplayedStatus) {
  return status === OTHER_STATUS ? OTHER_DEFINITION : ORDER_STATUSES[status];
}

export function bucketOf(status: DisplayedStatus): Bucket {
  return statusInfo(status).bucket;
}

export function allowedActions(status: DisplayedStatus): readonly SellerAction[] {
  return statusInfo(status).actions;
}

export function canPerform(status: DisplayedStatus, action: SellerAction): boolean {
  return allowedActions(status).includes(action);
}

export function hidesCustomer(status: DisplayedStatus): boolean {
  return statusInfo(status).hidesCustomer;
}

export function statusesInBucket(bucket: Bucket): DisplayedStatus[] {
  return DISPLAYED_STATUSES.filter((s) => bucketOf(s) === bucket);
}

/**
 * The status an order shows once the marketplace has taken a seller action: the queue
 * moves it there at once (optimistically) and the re-read from the marketplace confirms
 * it. A refund leaves the order Shipped.
 */
export const STATUS_AFTER_ACTION: Readonly<Record<SellerAction, OrderStatus>> = {
  accept: "AcceptedBySeller",
  refuse: "RefusedBySeller",
  ship: "Shipped",
  refuseShipment: "ShipmentRefusedBySeller",
  refund: "Shipped",
};

/** The marketplace states the sync must request: every order-level state of the brief. */
export const ORDER_LEVEL_STATES: readonly OrderStatus[] = ORDER_STATUS_NAMES.filter(
  (s) => ORDER_STATUSES[s].level === "order",
);

// Pre-shipment order states in which a line-level state can tell more than the order.
const AWAITING_SHIPMENT_STATES = new Set<string>(["AcceptedBySeller", "ValidatedFianet", "PaymentInProgress", "WaitingForShipmentAcceptation"]);
const CUSTOMER_CANCELLATION_LINE_STATES = ["CancelledBeforePaymentByCustomer", "CancelledBeforeNotificationByCustomer"] as const;

export interface MarketplaceStates {
  /** The order's OrderState as sent by Cdiscount (any string, known or not). */
  orderState: string;
  /** The AcceptationState of each product line (fee lines excluded by the caller). */
  lineStates: readonly (string | null | undefined)[];
}

/**
 * The brief's status of an order. Four of the brief's statuses exist in the API only
 * as line states (reference §1.8), so they are read from the lines, by one rule:
 *
 * 1. A pending cancellation request on any line, while the order is accepted but not
 *    yet shipped, wins: it is what the seller must act on (CancellationRequestPending).
 * 2. A customer cancellation whose lines all carry the same precise reason shows that
 *    reason (CancelledBeforePaymentByCustomer / CancelledBeforeNotificationByCustomer).
 * 3. An order still awaiting shipment whose lines are all ShippedBySeller shows
 *    ShippedBySeller: the seller's shipment is recorded, the order state lags.
 * 4. Otherwise the order state itself when it is one of the brief's statuses, else Other.
 *
 * Line states are not always updated (a Shipped order may keep lines at None), so a
 * line state only ever refines the order state, never contradicts its bucket's flow.
 */
export function deriveDisplayedStatus({ orderState, lineStates }: MarketplaceStates): DisplayedStatus {
  const lines = lineStates.filter((s): s is string => typeof s === "string" && s.length > 0);
  if (AWAITING_SHIPMENT_STATES.has(orderState) && lines.includes("CancellationRequestPending")) {
    return "CancellationRequestPending";
  }
  if (orderState === "CancelledByCustomer" && lines.length > 0) {
    for (const reason of CUSTOMER_CANCELLATION_LINE_STATES) {
      if (lines.every((s) => s === reason)) return reason;
    }
  }
  if (orderState === "WaitingForShipmentAcceptation" && lines.length > 0 && lines.every((s) => s === "ShippedBySeller")) {
    return "ShippedBySeller";
  }
  return isOrderStatus(orderState) ? orderState : OTHER_STATUS;
}
