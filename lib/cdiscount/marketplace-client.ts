// What the rest of the product asks of a marketplace. The classic SOAP client
// implements it today; an Octopia REST client can implement it later without
// touching the sync, the order actions or the UI.
import type { Carrier, MarketplaceOrder, OrderFilter, RefundRequest, RefundResult, ValidateOrder, ValidateOrderResult } from "./types";

export interface OrderListResult {
  orders: MarketplaceOrder[];
  /** Orders present in the response that could not be read, with why (kept for the run report). */
  unreadable: { orderNumber: string | null; reason: string }[];
}

export interface ValidationOutcome extends ValidateOrderResult {
  /**
   * "local": refused before sending (bad input); "marketplace": Cdiscount's answer;
   * "unanswered": Cdiscount answered the call without a result for this order, so
   * whether it applied it is unknown.
   */
  source: "local" | "marketplace" | "unanswered";
}

export interface MarketplaceClient {
  getOrders(filter: OrderFilter): Promise<OrderListResult>;
  /** Accept, refuse, ship, refuse shipment: one call for many orders, one outcome per order. */
  validateOrders(orders: ValidateOrder[]): Promise<ValidationOutcome[]>;
  createRefund(request: RefundRequest): Promise<RefundResult>;
  getCarriers(): Promise<Carrier[]>;
}
