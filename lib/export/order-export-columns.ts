// What an order export holds: one record per order line, the order's columns repeated
// on each (an order without lines still gives one record). Customer and addresses are
// left empty where the status hides them (PaymentInProgress) or Cdiscount sent none.
// Dates are Paris wall-clock time ("2026-11-27 14:05:00"), which Excel reads as dates.
import type { Prisma } from "@/lib/db/client";
import type { MarketplaceAddress } from "@/lib/cdiscount/types";
import { formatCdiscountDate } from "@/lib/cdiscount/dates";
import { deliveryModeLabel } from "@/lib/orders/delivery-modes";
import { FULFILLMENT_TYPES, isFulfillmentType } from "@/lib/orders/fulfillment";
import { OTHER_STATUS, hidesCustomer, isDisplayedStatus, statusInfo, type Locale } from "@/lib/orders/status";
import { decimalCell, textCell, type CsvDelimiter } from "./csv";

export const ORDER_COLUMNS = [
  "shop",
  "orderNumber",
  "status",
  "statusCode",
  "marketplaceState",
  "createdAt",
  "shippingDateMax",
  "shippingMode",
  "fulfillment",
  "orderAmount",
  "shippingAmount",
  "carrier",
  "trackingNumber",
  "trackingUrl",
  "customerCivility",
  "customerFirstName",
  "customerLastName",
  "customerPhone",
  "customerMobilePhone",
  "shippingFirstName",
  "shippingLastName",
  "shippingCompany",
  "shippingAddress1",
  "shippingAddress2",
  "shippingStreet",
  "shippingBuilding",
  "shippingApartment",
  "shippingPlace",
  "shippingZipCode",
  "shippingCity",
  "shippingCountry",
  "shippingRelayId",
  "shippingInstructions",
  "billingFirstName",
  "billingLastName",
  "billingCompany",
  "billingAddress1",
  "billingAddress2",
  "billingZipCode",
  "billingCity",
  "billingCountry",
] as const;
export const LINE_COLUMNS = ["linePosition", "sku", "ean", "productName", "productCondition", "quantity", "unitPrice", "unitShipping", "lineState", "feeLine"] as const;
export const EXPORT_COLUMNS = [...ORDER_COLUMNS, ...LINE_COLUMNS] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** What one order's records are read from (one query per page of orders). */
export const EXPORT_ORDER_SELECT = {
  id: true,
  shopId: true,
  orderNumber: true,
  status: true,
  marketplaceState: true,
  marketplaceCreatedAt: true,
  shippingDateMax: true,
  shippingCode: true,
  fulfillmentType: true,
  initialTotalAmount: true,
  initialTotalShippingChargesAmount: true,
  carrierName: true,
  trackingNumber: true,
  trackingUrl: true,
  customerCivility: true,
  customerFirstName: true,
  customerLastName: true,
  customerPhone: true,
  customerMobilePhone: true,
  shippingAddress: true,
  billingAddress: true,
  lines: {
    orderBy: { position: "asc" },
    select: { position: true, sellerProductId: true, productEan: true, name: true, productCondition: true, quantity: true, purchasePrice: true, unitShippingCharges: true, acceptationState: true, isFeeLine: true },
  },
} as const satisfies Prisma.OrderSelect;

export type ExportedOrder = Prisma.OrderGetPayload<{ select: typeof EXPORT_ORDER_SELECT }>;

export interface OrderCsvFormat {
  delimiter: CsvDelimiter;
  locale: Locale;
  /** Header text per column, in the reader's language. */
  headers: Readonly<Record<ExportColumn, string>>;
  yes: string;
  no: string;
  shopNames: ReadonlyMap<string, string>;
}

export function headerRecord(format: OrderCsvFormat): string[] {
  return EXPORT_COLUMNS.map((c) => format.headers[c]);
}

const dateCell = (value: Date | null) => (value ? formatCdiscountDate(value).slice(0, 19).replace("T", " ") : "");
const money = (value: Prisma.Decimal, format: OrderCsvFormat) => decimalCell(value.toFixed(2), format.delimiter);

function addressOf(value: unknown): Partial<MarketplaceAddress> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Partial<MarketplaceAddress>) : {};
}

/** The records of one order: one per line, or one alone when it has no line. */
export function orderRecords(order: ExportedOrder, format: OrderCsvFormat): string[][] {
  const status = isDisplayedStatus(order.status) ? order.status : OTHER_STATUS;
  const hidden = hidesCustomer(status);
  const ship = hidden ? {} : addressOf(order.shippingAddress);
  const bill = hidden ? {} : addressOf(order.billingAddress);
  const customer = (value: string | null) => (hidden ? "" : textCell(value));
  const orderCells: Record<(typeof ORDER_COLUMNS)[number], string> = {
    shop: textCell(format.shopNames.get(order.shopId) ?? order.shopId),
    orderNumber: textCell(order.orderNumber),
    status: statusInfo(status).label[format.locale],
    statusCode: textCell(order.status),
    // Cdiscount's own state, as sent: differs from the status for line-level statuses and "Other".
    marketplaceState: textCell(order.marketplaceState),
    createdAt: dateCell(order.marketplaceCreatedAt),
    shippingDateMax: dateCell(order.shippingDateMax),
    shippingMode: textCell(order.shippingCode ? deliveryModeLabel(order.shippingCode, format.locale) : null),
    fulfillment: isFulfillmentType(order.fulfillmentType) ? `${order.fulfillmentType} – ${FULFILLMENT_TYPES[order.fulfillmentType].label[format.locale]}` : "",
    orderAmount: money(order.initialTotalAmount, format),
    shippingAmount: money(order.initialTotalShippingChargesAmount, format),
    carrier: textCell(order.carrierName),
    trackingNumber: textCell(order.trackingNumber),
    trackingUrl: textCell(order.trackingUrl),
    customerCivility: customer(order.customerCivility),
    customerFirstName: customer(order.customerFirstName),
    customerLastName: customer(order.customerLastName),
    customerPhone: customer(order.customerPhone),
    customerMobilePhone: customer(order.customerMobilePhone),
    shippingFirstName: textCell(ship.firstName),
    shippingLastName: textCell(ship.lastName),
    shippingCompany: textCell(ship.companyName),
    shippingAddress1: textCell(ship.address1),
    shippingAddress2: textCell(ship.address2),
    shippingStreet: textCell(ship.street),
    shippingBuilding: textCell(ship.building),
    shippingApartment: textCell(ship.apartmentNumber),
    shippingPlace: textCell(ship.placeName),
    shippingZipCode: textCell(ship.zipCode),
    shippingCity: textCell(ship.city),
    shippingCountry: textCell(ship.country),
    shippingRelayId: textCell(ship.relayId),
    shippingInstructions: textCell(ship.instructions),
    billingFirstName: textCell(bill.firstName),
    billingLastName: textCell(bill.lastName),
    billingCompany: textCell(bill.companyName),
    billingAddress1: textCell(bill.address1),
    billingAddress2: textCell(bill.address2),
    billingZipCode: textCell(bill.zipCode),
    billingCity: textCell(bill.city),
    billingCountry: textCell(bill.country),
  };
  const head = ORDER_COLUMNS.map((c) => orderCells[c]);
  if (order.lines.length === 0) return [[...head, ...LINE_COLUMNS.map(() => "")]];
  return order.lines.map((line) => [
    ...head,
    String(line.position + 1),
    textCell(line.sellerProductId),
    textCell(line.productEan),
    textCell(line.name),
    textCell(line.productCondition),
    String(line.quantity),
    money(line.purchasePrice, format),
    money(line.unitShippingCharges, format),
    textCell(line.acceptationState),
    line.isFeeLine ? format.yes : format.no,
  ]);
}
