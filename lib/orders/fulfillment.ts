// Fulfillment orders are shipped by Cdiscount and arrive already Shipped. ModGesLog
// tells which fulfillment; IsCLogistiqueOrder flags Cdiscount's own logistics.
import type { Localized } from "./status";

export const FULFILLMENT_TYPES = {
  MKPFBC: { label: { fr: "Expédiée par Cdiscount", en: "Fulfilled by Cdiscount" } },
  EXTFBC: { label: { fr: "Fulfillment externe", en: "External fulfillment" } },
} as const satisfies Record<string, { label: Localized }>;

export type FulfillmentType = keyof typeof FULFILLMENT_TYPES;

export function isFulfillmentType(value: string | null | undefined): value is FulfillmentType {
  return !!value && Object.hasOwn(FULFILLMENT_TYPES, value);
}

export interface Fulfillment {
  fulfillmentType: FulfillmentType | null;
  /** The back-office API's `is_delivered_by_marketplace`. */
  deliveredByMarketplace: boolean;
}

export function fulfillmentOf(order: { modGesLog?: string | null; isCLogistiqueOrder?: boolean | null }): Fulfillment {
  if (isFulfillmentType(order.modGesLog)) return { fulfillmentType: order.modGesLog, deliveredByMarketplace: true };
  // C-Logistique is Cdiscount's own fulfillment, even when ModGesLog is missing or unusual.
  if (order.isCLogistiqueOrder) return { fulfillmentType: "MKPFBC", deliveredByMarketplace: true };
  return { fulfillmentType: null, deliveredByMarketplace: false };
}
