// What an action will send to Cdiscount, built from the stored order and the seller's
// input, and stored as the outbox row's payload: the dispatcher sends exactly this.
import { z } from "zod";
import type { RefundMode, RefundMotive, RefundRequest, ValidateOrder } from "@/lib/cdiscount/types";
import { validateOrderFor } from "@/lib/cdiscount/validate-order";
import { ZShipment } from "@/lib/orders/shipment-schema";
import { ACTION_KIND, VALIDATION_TARGET } from "./action-kinds";
import { OrderActionError } from "./problems";
import type { OrderActionInput, RefundActionInput } from "./schemas";

export interface StoredOrderForAction {
  id: string;
  orderNumber: string;
  shippingCode: string | null;
  lines: { sellerProductId: string | null; productCondition: string | null; productEan: string | null; acceptationState: string | null; isFeeLine: boolean }[];
}

export type ActionPayload = ValidateOrder | RefundRequest;

/** The select that loads what `actionPayloadFor` needs. */
export const ORDER_FOR_ACTION_SELECT = {
  id: true,
  orderNumber: true,
  status: true,
  shippingCode: true,
  lines: {
    select: { sellerProductId: true, productCondition: true, productEan: true, acceptationState: true, isFeeLine: true },
    orderBy: { position: "asc" },
  },
} as const;

/** Throws INVALID_INPUT with field errors (keys under "validation") when the input does not fit the order. */
export function actionPayloadFor(order: StoredOrderForAction, input: OrderActionInput): ActionPayload {
  const productLines = order.lines.filter((l) => !l.isFeeLine && l.sellerProductId);
  if (productLines.length === 0) {
    throw new OrderActionError("INVALID_STATE", { key: "noProductLines" }, { message: `Order ${order.orderNumber} has no product line` });
  }
  if (input.action === "refund") return refundRequestFor(order, productLines, input);
  const target = VALIDATION_TARGET[ACTION_KIND[input.action]]!;
  if (input.action !== "ship") return validateOrderFor({ ...order, lines: productLines }, target);
  // The delivery mode comes from the stored order: TRK and REG need carrier and tracking.
  const shipment = ZShipment.safeParse({
    shippingCode: order.shippingCode,
    carrierName: input.carrierName,
    trackingNumber: input.trackingNumber,
    trackingUrl: input.trackingUrl,
  });
  if (!shipment.success) throw invalidInput(order, z.flattenError(shipment.error).fieldErrors);
  const { carrierName, trackingNumber, trackingUrl } = shipment.data;
  return validateOrderFor({ ...order, lines: productLines }, target, { carrierName, trackingNumber, trackingUrl });
}

function refundRequestFor(order: StoredOrderForAction, productLines: StoredOrderForAction["lines"], input: RefundActionInput): RefundRequest {
  const problems = new Set<string>();
  const skus = [...new Set(input.lines)];
  for (const sku of skus) {
    const line = productLines.find((l) => l.sellerProductId === sku);
    if (!line) problems.add("refundLineUnknown");
    else if (line.acceptationState?.startsWith("Refunded")) problems.add("refundLineAlreadyRefunded");
  }
  if (problems.size) throw invalidInput(order, { lines: [...problems] });
  return {
    orderNumber: order.orderNumber,
    sellerRefunds: skus.map((sku) => ({
      mode: refundModeFor(input.motive),
      motive: input.motive,
      sellerProductId: sku,
      ean: productLines.find((l) => l.sellerProductId === sku)?.productEan ?? null,
      refundShippingCharges: input.refundShippingCharges,
    })),
    commercialGestures: [],
  };
}

/** "Retraction" is the customer's legal withdrawal; every other refund answers a claim. */
function refundModeFor(motive: RefundMotive): RefundMode {
  return motive === "ClientRetraction" ? "Retraction" : "Claim";
}

function invalidInput(order: StoredOrderForAction, fieldErrors: Record<string, string[] | undefined>): OrderActionError {
  const defined = Object.fromEntries(Object.entries(fieldErrors).filter((e): e is [string, string[]] => Boolean(e[1]?.length)));
  return new OrderActionError("INVALID_INPUT", { key: "invalidInput" }, { message: `Invalid input for order ${order.orderNumber}`, fieldErrors: defined });
}
