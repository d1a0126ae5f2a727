// Builds ValidateOrderList entries from an order: every product line is sent (Cdiscount
// refuses partial lists, reference §1.6) with the line state the target implies; fee
// lines (no SellerProductId) are never sent.
import { VALIDATION_TARGETS, type ValidateOrder, type ValidationTarget } from "./types";

export interface OrderToValidate {
  orderNumber: string;
  shippingCode: string | null;
  lines: { sellerProductId: string | null; productCondition: string | null }[];
}

export interface ShipmentInfo {
  carrierName?: string;
  trackingNumber?: string;
  trackingUrl?: string;
}

export function validateOrderFor(order: OrderToValidate, target: ValidationTarget, shipment?: ShipmentInfo): ValidateOrder {
  return {
    orderNumber: order.orderNumber,
    orderState: target,
    shippingCode: order.shippingCode,
    ...(target === "Shipped" ? { carrierName: shipment?.carrierName, trackingNumber: shipment?.trackingNumber, trackingUrl: shipment?.trackingUrl } : {}),
    lines: order.lines
      .filter((l): l is { sellerProductId: string; productCondition: string | null } => Boolean(l.sellerProductId))
      .map((l) => ({ sellerProductId: l.sellerProductId, productCondition: l.productCondition ?? "New", acceptationState: VALIDATION_TARGETS[target] })),
  };
}
