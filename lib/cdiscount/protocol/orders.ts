// Order, OrderLine, Address, Customer, Parcel and Voucher as Cdiscount writes them in
// GetOrderList (reference §1.5), both ways. Element names and order follow the WSDL.
import { formatCdiscountDate, UNSET_DATE } from "../dates";
import { el, members, nillable, type XmlElement } from "../xml/build";
import { bool, child, date, decimal, int, list, text, XmlFormatError, type XmlNode } from "../xml/read";
import type {
  MarketplaceAddress,
  MarketplaceCustomer,
  MarketplaceOrder,
  MarketplaceOrderLine,
  MarketplaceParcel,
  MarketplaceVoucher,
} from "../types";

const dateText = (d: Date | null) => (d ? formatCdiscountDate(d) : null);
/** Line dates are never nil: unset is .NET's DateTime.MinValue. */
const lineDate = (name: string, d: Date | null) => el(name, d ? formatCdiscountDate(d) : UNSET_DATE);

const ADDRESS_FIELDS = [
  ["Address1", "address1"],
  ["Address2", "address2"],
  ["ApartmentNumber", "apartmentNumber"],
  ["Building", "building"],
  ["City", "city"],
  ["Civility", "civility"],
  ["CompanyName", "companyName"],
  ["Country", "country"],
  ["County", "county"],
  ["FirstName", "firstName"],
  ["Instructions", "instructions"],
  ["LastName", "lastName"],
  ["PlaceName", "placeName"],
  ["RelayId", "relayId"],
  ["Street", "street"],
  ["ZipCode", "zipCode"],
] as const satisfies readonly (readonly [string, keyof MarketplaceAddress])[];

const CUSTOMER_FIELDS = [
  ["Civility", "civility"],
  ["CustomerId", "customerId"],
  ["Email", "email"],
  ["EncryptedEmail", "encryptedEmail"],
  ["FirstName", "firstName"],
  ["LastName", "lastName"],
  ["MobilePhone", "mobilePhone"],
  ["Phone", "phone"],
  ["ShippingFirstName", "shippingFirstName"],
  ["ShippingLastName", "shippingLastName"],
] as const satisfies readonly (readonly [string, keyof MarketplaceCustomer])[];

function encodeRecord<T>(name: string, value: T | null, fields: readonly (readonly [string, keyof T])[]): XmlElement {
  if (!value) return nillable(name, null);
  return el(name, members(Object.fromEntries(fields.map(([xml, key]) => [xml, nillable(xml, value[key] as string | null)]))));
}

function decodeRecord<T>(node: XmlNode | undefined, fields: readonly (readonly [string, keyof T])[]): T | null {
  if (!node) return null;
  return Object.fromEntries(fields.map(([xml, key]) => [key, text(node, xml)])) as T;
}

export function encodeLine(line: MarketplaceOrderLine): XmlElement {
  return el(
    "OrderLine",
    members({
      AcceptationState: nillable("AcceptationState", line.acceptationState),
      CategoryCode: nillable("CategoryCode", line.categoryCode),
      DeliveryDateMax: lineDate("DeliveryDateMax", line.deliveryDateMax),
      DeliveryDateMin: lineDate("DeliveryDateMin", line.deliveryDateMin),
      HasClaim: el("HasClaim", line.hasClaim),
      InitialPrice: nillable("InitialPrice", line.initialPrice),
      IsCDAV: el("IsCDAV", line.isCDAV),
      IsNegotiated: nillable("IsNegotiated", line.isNegotiated),
      IsProductEanGenerated: el("IsProductEanGenerated", line.isProductEanGenerated),
      Name: nillable("Name", line.name),
      OrderLineChildList: el("OrderLineChildList", []),
      ProductCondition: nillable("ProductCondition", line.productCondition),
      ProductEan: nillable("ProductEan", line.productEan),
      ProductId: nillable("ProductId", line.productId),
      PurchasePrice: el("PurchasePrice", line.purchasePrice),
      Quantity: el("Quantity", line.quantity),
      RefundShippingCharges: nillable("RefundShippingCharges", line.refundShippingCharges),
      RowId: el("RowId", line.rowId),
      SellerProductId: nillable("SellerProductId", line.sellerProductId),
      ShippingDateMax: lineDate("ShippingDateMax", line.shippingDateMax),
      ShippingDateMin: lineDate("ShippingDateMin", line.shippingDateMin),
      Sku: nillable("Sku", line.sku),
      SkuParent: nillable("SkuParent", line.skuParent),
      UnitAdditionalShippingCharges: el("UnitAdditionalShippingCharges", line.unitAdditionalShippingCharges),
      UnitShippingCharges: el("UnitShippingCharges", line.unitShippingCharges),
    }),
  );
}

const required = <T>(value: T | null, what: string): T => {
  if (value === null) throw new XmlFormatError(`${what} is missing`);
  return value;
};

export function decodeLine(node: XmlNode): MarketplaceOrderLine {
  return {
    acceptationState: text(node, "AcceptationState"),
    categoryCode: text(node, "CategoryCode"),
    deliveryDateMax: date(node, "DeliveryDateMax"),
    deliveryDateMin: date(node, "DeliveryDateMin"),
    hasClaim: bool(node, "HasClaim") ?? false,
    initialPrice: decimal(node, "InitialPrice"),
    isCDAV: bool(node, "IsCDAV") ?? false,
    isNegotiated: bool(node, "IsNegotiated"),
    isProductEanGenerated: bool(node, "IsProductEanGenerated") ?? false,
    name: text(node, "Name"),
    productCondition: text(node, "ProductCondition"),
    productEan: text(node, "ProductEan"),
    productId: text(node, "ProductId"),
    purchasePrice: decimal(node, "PurchasePrice") ?? "0",
    quantity: int(node, "Quantity") ?? 0,
    refundShippingCharges: bool(node, "RefundShippingCharges"),
    rowId: int(node, "RowId") ?? 0,
    sellerProductId: text(node, "SellerProductId"),
    shippingDateMax: date(node, "ShippingDateMax"),
    shippingDateMin: date(node, "ShippingDateMin"),
    sku: text(node, "Sku"),
    skuParent: text(node, "SkuParent"),
    unitAdditionalShippingCharges: decimal(node, "UnitAdditionalShippingCharges") ?? "0",
    unitShippingCharges: decimal(node, "UnitShippingCharges") ?? "0",
  };
}

function encodeParcel(p: MarketplaceParcel): XmlElement {
  return el(
    "Parcel",
    members({
      CustomerNum: nillable("CustomerNum", p.customerNum),
      ExternalCarrierName: nillable("ExternalCarrierName", p.externalCarrierName),
      ExternalCarrierTrackingUrl: nillable("ExternalCarrierTrackingUrl", p.externalCarrierTrackingUrl),
      IsCustomerReturn: el("IsCustomerReturn", p.isCustomerReturn),
      ParcelItemList: el(
        "ParcelItemList",
        p.items.map((i) => el("ParcelItem", members({ ProductName: nillable("ProductName", i.productName), Quantity: el("Quantity", i.quantity), Sku: nillable("Sku", i.sku) }))),
      ),
      ParcelStatus: nillable("ParcelStatus", p.parcelStatus),
      RealCarrierCode: nillable("RealCarrierCode", p.realCarrierCode),
    }),
  );
}

function decodeParcel(node: XmlNode): MarketplaceParcel {
  return {
    customerNum: text(node, "CustomerNum"),
    externalCarrierName: text(node, "ExternalCarrierName"),
    externalCarrierTrackingUrl: text(node, "ExternalCarrierTrackingUrl"),
    isCustomerReturn: bool(node, "IsCustomerReturn") ?? false,
    items: list(node, "ParcelItemList", "ParcelItem").map((i) => ({ productName: text(i, "ProductName"), quantity: int(i, "Quantity") ?? 0, sku: text(i, "Sku") })),
    parcelStatus: text(node, "ParcelStatus"),
    realCarrierCode: text(node, "RealCarrierCode"),
  };
}

function encodeVoucher(v: MarketplaceVoucher): XmlElement {
  return el(
    "Voucher",
    members({
      CreateDate: nillable("CreateDate", dateText(v.createDate)),
      RefundInformation: el("RefundInformation", members({ Amount: el("Amount", v.amount ?? "0"), MotiveId: nillable("MotiveId", v.motiveId) })),
      Source: nillable("Source", v.source),
    }),
  );
}

function decodeVoucher(node: XmlNode): MarketplaceVoucher {
  const info = child(node, "RefundInformation");
  return { createDate: date(node, "CreateDate"), amount: decimal(info, "Amount"), motiveId: int(info, "MotiveId"), source: text(node, "Source") };
}

export function encodeOrder(order: MarketplaceOrder, opts: { withLines: boolean; withParcels: boolean }): XmlElement {
  return el(
    "Order",
    members({
      ArchiveParcelList: el("ArchiveParcelList", order.archiveParcelList),
      BillingAddress: encodeRecord("BillingAddress", order.billingAddress, ADDRESS_FIELDS),
      Corporation: el(
        "Corporation",
        members({
          BusinessUnitId: el("BusinessUnitId", 1),
          CorporationCode: nillable("CorporationCode", order.corporationCode),
          CorporationId: el("CorporationId", 1),
          CorporationName: nillable("CorporationName", order.corporationName),
          IsMarketPlaceActive: el("IsMarketPlaceActive", true),
        }),
      ),
      CreationDate: el("CreationDate", formatCdiscountDate(order.creationDate)),
      Customer: encodeRecord("Customer", order.customer, CUSTOMER_FIELDS),
      HasClaims: el("HasClaims", order.hasClaims),
      InitialTotalAmount: el("InitialTotalAmount", order.initialTotalAmount),
      InitialTotalShippingChargesAmount: el("InitialTotalShippingChargesAmount", order.initialTotalShippingChargesAmount),
      IsCLogistiqueOrder: el("IsCLogistiqueOrder", order.isCLogistiqueOrder),
      IsEligibileSubstitution: el("IsEligibileSubstitution", order.isEligibileSubstitution),
      LastUpdatedDate: nillable("LastUpdatedDate", dateText(order.lastUpdatedDate)),
      ModGesLog: nillable("ModGesLog", order.modGesLog),
      ModifiedDate: nillable("ModifiedDate", dateText(order.modifiedDate)),
      Offer: nillable("Offer", null),
      OrderLineList: opts.withLines ? el("OrderLineList", order.lines.map(encodeLine)) : nillable("OrderLineList", null),
      OrderNumber: el("OrderNumber", order.orderNumber),
      OrderState: el("OrderState", order.orderState),
      ParcelList: el("ParcelList", opts.withParcels ? order.parcels.map(encodeParcel) : []),
      PartnerOrderRef: nillable("PartnerOrderRef", order.partnerOrderRef),
      ShippedTotalAmount: el("ShippedTotalAmount", order.shippedTotalAmount),
      ShippedTotalShippingCharges: el("ShippedTotalShippingCharges", order.shippedTotalShippingCharges),
      ShippingAddress: encodeRecord("ShippingAddress", order.shippingAddress, ADDRESS_FIELDS),
      ShippingCode: nillable("ShippingCode", order.shippingCode),
      ShippingDateMax: nillable("ShippingDateMax", dateText(order.shippingDateMax)),
      ShippingDateMin: nillable("ShippingDateMin", dateText(order.shippingDateMin)),
      SiteCommissionPromisedAmount: el("SiteCommissionPromisedAmount", order.siteCommissionPromisedAmount),
      SiteCommissionShippedAmount: el("SiteCommissionShippedAmount", order.siteCommissionShippedAmount),
      SiteCommissionValidatedAmount: el("SiteCommissionValidatedAmount", order.siteCommissionValidatedAmount),
      Status: nillable("Status", order.status),
      ValidatedTotalAmount: el("ValidatedTotalAmount", order.validatedTotalAmount),
      ValidatedTotalShippingCharges: el("ValidatedTotalShippingCharges", order.validatedTotalShippingCharges),
      ValidationStatus: nillable("ValidationStatus", order.validationStatus),
      VisaCegid: nillable("VisaCegid", order.visaCegid),
      VoucherList: order.vouchers.length ? el("VoucherList", order.vouchers.map(encodeVoucher)) : nillable("VoucherList", null),
    }),
  );
}

export function decodeOrder(node: XmlNode): MarketplaceOrder {
  const corporation = child(node, "Corporation");
  const orderNumber = required(text(node, "OrderNumber")?.trim() || null, "OrderNumber");
  return {
    orderNumber,
    // An order without a state is kept, as an explicit unknown state.
    orderState: text(node, "OrderState")?.trim() || "None",
    archiveParcelList: bool(node, "ArchiveParcelList") ?? false,
    corporationCode: text(corporation, "CorporationCode"),
    corporationName: text(corporation, "CorporationName"),
    creationDate: required(date(node, "CreationDate"), `CreationDate of ${orderNumber}`),
    lastUpdatedDate: date(node, "LastUpdatedDate"),
    modifiedDate: date(node, "ModifiedDate"),
    hasClaims: bool(node, "HasClaims") ?? false,
    isCLogistiqueOrder: bool(node, "IsCLogistiqueOrder") ?? false,
    isEligibileSubstitution: bool(node, "IsEligibileSubstitution") ?? false,
    modGesLog: text(node, "ModGesLog"),
    partnerOrderRef: text(node, "PartnerOrderRef"),
    shippingCode: text(node, "ShippingCode"),
    shippingDateMax: date(node, "ShippingDateMax"),
    shippingDateMin: date(node, "ShippingDateMin"),
    status: text(node, "Status"),
    validationStatus: text(node, "ValidationStatus"),
    visaCegid: int(node, "VisaCegid"),
    initialTotalAmount: decimal(node, "InitialTotalAmount") ?? "0",
    initialTotalShippingChargesAmount: decimal(node, "InitialTotalShippingChargesAmount") ?? "0",
    shippedTotalAmount: decimal(node, "ShippedTotalAmount") ?? "0",
    shippedTotalShippingCharges: decimal(node, "ShippedTotalShippingCharges") ?? "0",
    siteCommissionPromisedAmount: decimal(node, "SiteCommissionPromisedAmount") ?? "0",
    siteCommissionShippedAmount: decimal(node, "SiteCommissionShippedAmount") ?? "0",
    siteCommissionValidatedAmount: decimal(node, "SiteCommissionValidatedAmount") ?? "0",
    validatedTotalAmount: decimal(node, "ValidatedTotalAmount") ?? "0",
    validatedTotalShippingCharges: decimal(node, "ValidatedTotalShippingCharges") ?? "0",
    customer: decodeRecord<MarketplaceCustomer>(child(node, "Customer"), CUSTOMER_FIELDS),
    billingAddress: decodeRecord<MarketplaceAddress>(child(node, "BillingAddress"), ADDRESS_FIELDS),
    shippingAddress: decodeRecord<MarketplaceAddress>(child(node, "ShippingAddress"), ADDRESS_FIELDS),
    lines: list(node, "OrderLineList", "OrderLine").map(decodeLine),
    parcels: list(node, "ParcelList", "Parcel").map(decodeParcel),
    vouchers: list(node, "VoucherList", "Voucher").map(decodeVoucher),
  };
}

