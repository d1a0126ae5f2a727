// The four order operations' arguments and results (reference §1.5–§1.10), both ways.
import { formatCdiscountDate } from "../dates";
import { el, members, nillable, type XmlElement } from "../xml/build";
import { NS } from "../xml/namespaces";
import { bool, child, date, decimal, int, list, text, textList, type XmlNode } from "../xml/read";
import type { Carrier, MarketplaceOrder, OrderFilter, RefundRequest, RefundResult, ValidateOrder, ValidateOrderResult } from "../types";
import { decodeMessages, encodeMessages } from "./envelope";
import { decodeOrder, encodeOrder } from "./orders";

const optionalDate = (name: string, d: Date | undefined) => (d ? el(name, formatCdiscountDate(d)) : null);
const dateOrUndefined = (node: XmlNode | undefined, name: string) => date(node, name) ?? undefined;

// ---------------------------------------------------------------- GetOrderList

export function encodeOrderFilter(filter: OrderFilter): XmlElement {
  return el(
    "orderFilter",
    members({
      BeginCreationDate: optionalDate("BeginCreationDate", filter.beginCreationDate),
      BeginModificationDate: optionalDate("BeginModificationDate", filter.beginModificationDate),
      CorporationCode: filter.corporationCode ? el("CorporationCode", filter.corporationCode) : null,
      Country: filter.country ? el("Country", filter.country) : null,
      EndCreationDate: optionalDate("EndCreationDate", filter.endCreationDate),
      EndModificationDate: optionalDate("EndModificationDate", filter.endModificationDate),
      FetchOrderLines: el("FetchOrderLines", filter.fetchOrderLines ?? false),
      FetchParcels: el("FetchParcels", filter.fetchParcels ?? false),
      IncludeExternalFbcSiteId: filter.includeExternalFbcSiteId === undefined ? null : el("IncludeExternalFbcSiteId", filter.includeExternalFbcSiteId),
      OrderReferenceList: filter.orderReferenceList
        ? el("OrderReferenceList", filter.orderReferenceList.map((n) => el("arr:string", n)), { "xmlns:arr": NS.arrays })
        : null,
      OrderType: filter.orderType ? el("OrderType", filter.orderType) : null,
      PartnerOrderRef: filter.partnerOrderRef ? el("PartnerOrderRef", filter.partnerOrderRef) : null,
      States: filter.states ? el("States", filter.states.map((s) => el("OrderStateEnum", s))) : null,
    }),
  );
}

export function decodeOrderFilter(node: XmlNode | undefined): OrderFilter {
  const states = child(node, "States") ? textList(node, "States", "OrderStateEnum") : undefined;
  const refs = child(node, "OrderReferenceList") ? textList(node, "OrderReferenceList", "string") : undefined;
  return {
    beginCreationDate: dateOrUndefined(node, "BeginCreationDate"),
    beginModificationDate: dateOrUndefined(node, "BeginModificationDate"),
    corporationCode: text(node, "CorporationCode") ?? undefined,
    country: (text(node, "Country") ?? undefined) as OrderFilter["country"],
    endCreationDate: dateOrUndefined(node, "EndCreationDate"),
    endModificationDate: dateOrUndefined(node, "EndModificationDate"),
    fetchOrderLines: bool(node, "FetchOrderLines") ?? false,
    fetchParcels: bool(node, "FetchParcels") ?? false,
    includeExternalFbcSiteId: bool(node, "IncludeExternalFbcSiteId") ?? undefined,
    orderReferenceList: refs,
    orderType: (text(node, "OrderType") ?? undefined) as OrderFilter["orderType"],
    partnerOrderRef: text(node, "PartnerOrderRef") ?? undefined,
    states,
  };
}

export function encodeOrderListResult(orders: MarketplaceOrder[], opts: { withLines: boolean; withParcels: boolean }) {
  return { OrderList: el("OrderList", orders.map((o) => encodeOrder(o, opts))) };
}

/** Orders of a GetOrderList result. Orders that cannot be read are returned apart, with why. */
export function decodeOrderListResult(result: XmlNode): { orders: MarketplaceOrder[]; unreadable: { orderNumber: string | null; reason: string }[] } {
  const orders: MarketplaceOrder[] = [];
  const unreadable: { orderNumber: string | null; reason: string }[] = [];
  for (const node of list(result, "OrderList", "Order")) {
    try {
      orders.push(decodeOrder(node));
    } catch (error) {
      unreadable.push({ orderNumber: text(node, "OrderNumber"), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { orders, unreadable };
}

// ---------------------------------------------------------------- ValidateOrderList

export function encodeValidateOrderList(orders: ValidateOrder[]): XmlElement {
  return el("validateOrderListMessage", [
    el(
      "OrderList",
      orders.map((o) =>
        el(
          "ValidateOrder",
          members({
            CarrierName: o.carrierName === undefined ? null : el("CarrierName", o.carrierName),
            OrderLineList: el(
              "OrderLineList",
              o.lines.map((l) =>
                el(
                  "ValidateOrderLine",
                  members({
                    AcceptationState: el("AcceptationState", l.acceptationState),
                    ProductCondition: el("ProductCondition", l.productCondition),
                    SellerProductId: el("SellerProductId", l.sellerProductId),
                    TypeOfReturn: l.typeOfReturn ? el("TypeOfReturn", l.typeOfReturn) : null,
                  }),
                ),
              ),
            ),
            OrderNumber: el("OrderNumber", o.orderNumber),
            OrderState: el("OrderState", o.orderState),
            TrackingNumber: o.trackingNumber === undefined ? null : el("TrackingNumber", o.trackingNumber),
            TrackingUrl: o.trackingUrl === undefined ? null : el("TrackingUrl", o.trackingUrl),
          }),
        ),
      ),
    ),
  ]);
}

/** As the sandbox reads it: values kept raw, so that it can reject what Cdiscount would. */
export function decodeValidateOrderList(node: XmlNode | undefined) {
  return list(node, "OrderList", "ValidateOrder").map((o) => ({
    orderNumber: text(o, "OrderNumber") ?? "",
    orderState: text(o, "OrderState") ?? "",
    carrierName: text(o, "CarrierName"),
    trackingNumber: text(o, "TrackingNumber"),
    trackingUrl: text(o, "TrackingUrl"),
    lines: list(o, "OrderLineList", "ValidateOrderLine").map((l) => ({
      acceptationState: text(l, "AcceptationState") ?? "",
      productCondition: text(l, "ProductCondition") ?? "",
      sellerProductId: text(l, "SellerProductId") ?? "",
      typeOfReturn: text(l, "TypeOfReturn"),
    })),
  }));
}
export type DecodedValidateOrder = ReturnType<typeof decodeValidateOrderList>[number];

export function encodeValidateOrderResults(results: ValidateOrderResult[]) {
  return {
    ValidateOrderResults: el(
      "ValidateOrderResults",
      results.map((r) =>
        el(
          "ValidateOrderResult",
          members({
            Errors: encodeMessages("Errors", r.errors),
            OrderNumber: el("OrderNumber", r.orderNumber),
            ValidateOrderLineResults: el(
              "ValidateOrderLineResults",
              r.lineResults.map((l) =>
                el("ValidateOrderLineResult", members({ Errors: encodeMessages("Errors", l.errors), SellerProductId: nillable("SellerProductId", l.sellerProductId), Updated: el("Updated", l.updated) })),
              ),
            ),
            Validated: el("Validated", r.validated),
            Warnings: encodeMessages("Warnings", r.warnings),
          }),
        ),
      ),
    ),
  };
}

export function decodeValidateOrderResults(result: XmlNode): ValidateOrderResult[] {
  return list(result, "ValidateOrderResults", "ValidateOrderResult").map((r) => ({
    orderNumber: text(r, "OrderNumber") ?? "",
    validated: bool(r, "Validated") ?? false,
    errors: decodeMessages(r, "Errors"),
    warnings: decodeMessages(r, "Warnings"),
    lineResults: list(r, "ValidateOrderLineResults", "ValidateOrderLineResult").map((l) => ({
      sellerProductId: text(l, "SellerProductId"),
      updated: bool(l, "Updated") ?? false,
      errors: decodeMessages(l, "Errors"),
    })),
  }));
}

// ---------------------------------------------------------------- CreateRefundVoucher

export function encodeRefundRequest(req: RefundRequest): XmlElement {
  return el(
    "request",
    members({
      CommercialGestureList: el(
        "CommercialGestureList",
        req.commercialGestures.map((g) => el("RefundInformation", members({ Amount: el("Amount", g.amount), MotiveId: el("MotiveId", g.motiveId) }))),
      ),
      OrderNumber: el("OrderNumber", req.orderNumber),
      SellerRefundList: el(
        "SellerRefundList",
        req.sellerRefunds.map((r) =>
          el(
            "SellerRefundRequest",
            members({
              Mode: el("Mode", r.mode),
              Motive: el("Motive", r.motive),
              RefundOrderLine: el(
                "RefundOrderLine",
                members({
                  Ean: nillable("Ean", r.ean ?? null),
                  RefundShippingCharges: el("RefundShippingCharges", r.refundShippingCharges ?? false),
                  SellerProductId: el("SellerProductId", r.sellerProductId),
                }),
              ),
            }),
          ),
        ),
      ),
    }),
  );
}

export function decodeRefundRequest(node: XmlNode | undefined) {
  return {
    orderNumber: text(node, "OrderNumber"),
    sellerRefunds: list(node, "SellerRefundList", "SellerRefundRequest").map((r) => {
      const line = child(r, "RefundOrderLine");
      return {
        mode: text(r, "Mode"),
        motive: text(r, "Motive"),
        sellerProductId: text(line, "SellerProductId"),
        ean: text(line, "Ean"),
        refundShippingCharges: bool(line, "RefundShippingCharges") ?? false,
      };
    }),
    commercialGestures: list(node, "CommercialGestureList", "RefundInformation").map((g) => ({ amount: decimal(g, "Amount"), motiveId: int(g, "MotiveId") })),
  };
}
export type DecodedRefundRequest = ReturnType<typeof decodeRefundRequest>;

export function encodeRefundResult(result: RefundResult) {
  return {
    CommercialGestureList: el(
      "CommercialGestureList",
      result.commercialGestures.map((g) => el("RefundInformationMessage", members({ Amount: el("Amount", g.amount ?? "0"), MotiveId: nillable("MotiveId", g.motiveId) }))),
    ),
    OrderNumber: nillable("OrderNumber", result.orderNumber),
    SellerRefundList: el(
      "SellerRefundList",
      result.sellerRefunds.map((r) =>
        el("SellerRefundResult", [
          el("ErrorMessage", r.errorMessage ?? "", { xmlns: NS.messages }),
          el("OperationSuccess", r.success, { xmlns: NS.messages }),
          ...members({ Ean: nillable("Ean", r.ean), Motive: nillable("Motive", r.motive), SellerProductId: nillable("SellerProductId", r.sellerProductId), Value: el("Value", r.value ?? "0") }),
        ]),
      ),
    ),
  };
}

export function decodeRefundResult(result: XmlNode): RefundResult {
  return {
    orderNumber: text(result, "OrderNumber"),
    sellerRefunds: list(result, "SellerRefundList", "SellerRefundResult").map((r) => ({
      sellerProductId: text(r, "SellerProductId"),
      ean: text(r, "Ean"),
      motive: text(r, "Motive"),
      value: decimal(r, "Value"),
      success: bool(r, "OperationSuccess") ?? false,
      errorMessage: text(r, "ErrorMessage") || null,
    })),
    commercialGestures: list(result, "CommercialGestureList", "RefundInformationMessage").map((g) => ({ amount: decimal(g, "Amount"), motiveId: int(g, "MotiveId") })),
  };
}

// ---------------------------------------------------------------- GetGlobalConfiguration

export function encodeCarrierList(carriers: Carrier[]) {
  return {
    CarrierList: el(
      "CarrierList",
      carriers.map((c) => el("Carrier", members({ CarrierId: el("CarrierId", c.id), DefaultURL: nillable("DefaultURL", c.defaultUrl), Name: el("Name", c.name) }))),
    ),
  };
}

export function decodeCarrierList(result: XmlNode): Carrier[] {
  return list(result, "CarrierList", "Carrier").map((c) => ({
    id: int(c, "CarrierId") ?? 0,
    // The name goes back verbatim as CarrierName; only the URL is cleaned (leading tabs seen).
    name: text(c, "Name") ?? "",
    defaultUrl: text(c, "DefaultURL")?.trim() || null,
  }));
}
