// Cdiscount delivery modes (the order's ShippingCode, reference §1.9) and the brief's
// special case: "suivi" (TRK) and "recommandé" (REG) require carrier and tracking number.
import type { Localized } from "./status";

interface DeliveryModeDefinition {
  readonly label: Localized;
  readonly requiresCarrierAndTracking: boolean;
  readonly kind: "home" | "bigParcel" | "pickupPoint" | "store";
}

export const DELIVERY_MODES = {
  STD: { label: { fr: "Standard", en: "Standard" }, requiresCarrierAndTracking: false, kind: "home" },
  TRK: { label: { fr: "Suivi", en: "Tracked" }, requiresCarrierAndTracking: true, kind: "home" },
  REG: { label: { fr: "Recommandé", en: "Registered" }, requiresCarrierAndTracking: true, kind: "home" },
  EXP: { label: { fr: "Express", en: "Express" }, requiresCarrierAndTracking: false, kind: "home" },
  LV1: { label: { fr: "Gros colis Éco", en: "Big parcel Eco" }, requiresCarrierAndTracking: false, kind: "bigParcel" },
  LV2: { label: { fr: "Gros colis Standard", en: "Big parcel Standard" }, requiresCarrierAndTracking: false, kind: "bigParcel" },
  LV3: { label: { fr: "Gros colis Confort", en: "Big parcel Comfort" }, requiresCarrierAndTracking: false, kind: "bigParcel" },
  REL: { label: { fr: "Point relais Mondial Relay", en: "Mondial Relay pickup point" }, requiresCarrierAndTracking: false, kind: "pickupPoint" },
  RCO: { label: { fr: "Point Relais Colis", en: "Relais Colis pickup point" }, requiresCarrierAndTracking: false, kind: "pickupPoint" },
  SO1: { label: { fr: "Point So Colissimo", en: "So Colissimo pickup point" }, requiresCarrierAndTracking: false, kind: "pickupPoint" },
  MAG: { label: { fr: "Livraison en magasin", en: "Store delivery" }, requiresCarrierAndTracking: false, kind: "store" },
  RIM: { label: { fr: "Retrait immédiat en magasin", en: "Immediate store pickup" }, requiresCarrierAndTracking: false, kind: "store" },
} as const satisfies Record<string, DeliveryModeDefinition>;

export type DeliveryModeCode = keyof typeof DELIVERY_MODES;
export const DELIVERY_MODE_CODES = Object.keys(DELIVERY_MODES) as DeliveryModeCode[];

export function isDeliveryModeCode(code: string): code is DeliveryModeCode {
  return Object.hasOwn(DELIVERY_MODES, code);
}

/** Label of a shipping code; an unknown code is shown as the marketplace sent it. */
export function deliveryModeLabel(code: string | null | undefined, locale: keyof Localized): string {
  if (!code) return locale === "fr" ? "Non précisé" : "Not specified";
  return isDeliveryModeCode(code) ? DELIVERY_MODES[code].label[locale] : code;
}

/** The brief's rule: TRK ("suivi") and REG ("recommandé") require carrier and tracking number. */
export function requiresCarrierAndTracking(code: string | null | undefined): boolean {
  return !!code && isDeliveryModeCode(code) && DELIVERY_MODES[code].requiresCarrierAndTracking;
}
