// Series colours: each at least 4.5:1 on white (WCAG AA for text, so also for the
// legend and the bars), and told apart by hue as much as by lightness.
import type { Bucket } from "@/lib/orders/status";
import type { CancellationCause } from "@/lib/review/cancellation-causes";
import type { FulfillmentType } from "@/lib/orders/fulfillment";

export const BUCKET_COLORS: Readonly<Record<Bucket, string>> = {
  NEW: "#1d4ed8",
  WAITING_SHIPMENT: "#b45309",
  SHIPPED: "#047857",
  CANCELED: "#b91c1c",
  OTHER: "#475569",
};

export const CAUSE_COLORS: Readonly<Record<CancellationCause, string>> = {
  customer: "#1d4ed8",
  sellerRefusal: "#b91c1c",
  automatic: "#b45309",
  paymentRefused: "#6d28d9",
  notPickedUp: "#0e7490",
};

export const FULFILLMENT_COLORS: Readonly<Record<FulfillmentType, string>> = {
  MKPFBC: "#1d4ed8",
  EXTFBC: "#0e7490",
};

export const WINDOW_COLORS = ["#1d4ed8", "#475569"] as const;
