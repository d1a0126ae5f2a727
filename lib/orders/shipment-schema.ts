// One schema for shipping information, used by the ship form, the server action, the
// REST API and the Cdiscount client before anything is sent. Cdiscount's tracking rules
// (reference §1.6): tracking number ≤ 50 characters without space , & * $; tracking URL
// http(s) ≤ 255. The brief's rule: "suivi" (TRK) and "recommandé" (REG) need both a
// carrier and a tracking number. Messages are i18n keys under "validation".
import { z } from "zod";
import { requiresCarrierAndTracking } from "./delivery-modes";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZCarrierName = z.string().trim().min(1, "required").max(100, "tooLong");
export const ZTrackingNumber = z
  .string()
  .trim()
  .min(1, "required")
  .max(50, "trackingTooLong")
  .refine((v) => !/[\s,&*$]/.test(v), "trackingForbiddenChars");
export const ZTrackingUrl = z
  .string()
  .trim()
  .max(255, "urlTooLong")
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "urlScheme");

export const ZShipment = z
  .object({
    /** The order's delivery mode, read from the stored order, never from the browser. */
    shippingCode: z.string().nullish(),
    carrierName: z.preprocess(blankToUndefined, ZCarrierName.optional()),
    trackingNumber: z.preprocess(blankToUndefined, ZTrackingNumber.optional()),
    trackingUrl: z.preprocess(blankToUndefined, ZTrackingUrl.optional()),
  })
  .superRefine((v, ctx) => {
    if (!requiresCarrierAndTracking(v.shippingCode)) return;
    if (!v.carrierName) ctx.addIssue({ code: "custom", path: ["carrierName"], message: "carrierRequiredForMode" });
    if (!v.trackingNumber) ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "trackingRequiredForMode" });
  });
export type Shipment = z.infer<typeof ZShipment>;
