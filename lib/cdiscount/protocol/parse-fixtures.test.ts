// Hand-written responses, shaped as Cdiscount's WCF service sends them (reference §1.2–§1.10),
// read through the same path as the client: parseResponseEnvelope, then the decoders.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { MarketplaceOrder } from "../types";
import { parseXml, XmlFormatError } from "../xml/read";
import { parseResponseEnvelope, parseTokenResponse, type Operation } from "./envelope";
import { decodeCarrierList, decodeOrderListResult, decodeRefundResult, decodeValidateOrderResults } from "./operations";

const FIXTURES = [
  "get-order-list-empty.xml",
  "get-order-list-quirks.xml",
  "validate-order-list-partial-failure.xml",
  "token-fault.xml",
  "global-configuration.xml",
  "refund-invalid.xml",
  "sts-token.xml",
  "sts-html.html",
] as const;

const fixture = (name: (typeof FIXTURES)[number]) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function success(xml: string, operation: Operation) {
  const parsed = parseResponseEnvelope(xml, operation);
  if ("fault" in parsed) throw new Error(`Unexpected fault ${parsed.fault.code}: ${parsed.fault.message}`);
  return parsed;
}

function orders(xml: string) {
  return decodeOrderListResult(success(xml, "GetOrderList").result);
}

const utc = (iso: string) => new Date(iso);

describe("GetOrderList, recorded empty result", () => {
  it("reads the base members and an empty list", () => {
    const { base, result } = success(fixture("get-order-list-empty.xml"), "GetOrderList");
    expect(base).toEqual({ operationSuccess: true, errorMessage: null, errors: [], sellerLogin: "SELLERLOGIN", tokenId: "TOKENID" });
    expect(decodeOrderListResult(result)).toEqual({ orders: [], unreadable: [] });
  });

  it("refuses a response for another operation", () => {
    expect(() => parseResponseEnvelope(fixture("get-order-list-empty.xml"), "ValidateOrderList")).toThrow(XmlFormatError);
  });

  it("accepts an XML declaration in front", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>${fixture("get-order-list-empty.xml")}`;
    expect(success(xml, "GetOrderList").base.operationSuccess).toBe(true);
  });
});

describe("GetOrderList, quirks", () => {
  const xml = fixture("get-order-list-quirks.xml");
  const decoded = orders(xml);
  const byNumber = (n: string): MarketplaceOrder => {
    const order = decoded.orders.find((o) => o.orderNumber === n);
    if (!order) throw new Error(`${n} not decoded`);
    return order;
  };

  it("reads every order whatever the prefixes (b:Envelope, a:OrderList, z:nil)", () => {
    expect(decoded.unreadable).toEqual([]);
    expect(decoded.orders.map((o) => o.orderNumber)).toEqual(["1904291413BT4WY", "2401010030PAYIN", "2407011200FBC01", "1904241640FUT9Z"]);
    expect(success(xml, "GetOrderList").base).toEqual({
      operationSuccess: true,
      errorMessage: null,
      errors: [],
      sellerLogin: "SELLERLOGIN-api",
      tokenId: "55ecf38bf6d1477cbc2bd22281d098e3",
    });
  });

  it("decodes a shipped multi-line order exactly (fee line, unset line dates, parcel, voucher)", () => {
    const address = {
      apartmentNumber: "",
      city: "Saint-Étienne",
      civility: "MRS",
      country: "FR",
      county: "N/A",
      firstName: "Zoé",
      lastName: "Dupont",
      zipCode: "42000",
    };
    expect(byNumber("1904291413BT4WY")).toStrictEqual({
      orderNumber: "1904291413BT4WY",
      orderState: "Shipped",
      archiveParcelList: false,
      corporationCode: "CDSB2C",
      corporationName: "Cdiscount",
      creationDate: utc("2019-04-29T12:13:07.120Z"),
      lastUpdatedDate: utc("2019-04-30T07:00:00.000Z"),
      modifiedDate: utc("2019-04-30T07:00:00.000Z"),
      hasClaims: false,
      isCLogistiqueOrder: false,
      isEligibileSubstitution: false,
      modGesLog: "MKPCDS",
      partnerOrderRef: null,
      shippingCode: "TRK",
      shippingDateMax: utc("2019-05-05T22:00:00.000Z"),
      shippingDateMin: utc("2019-05-01T22:00:00.000Z"),
      status: "Completed",
      validationStatus: "None",
      visaCegid: 98,
      initialTotalAmount: "100",
      initialTotalShippingChargesAmount: "4.90",
      shippedTotalAmount: "100",
      shippedTotalShippingCharges: "4.90",
      siteCommissionPromisedAmount: "0.18",
      siteCommissionShippedAmount: "0.18",
      siteCommissionValidatedAmount: "0.18",
      validatedTotalAmount: "100",
      validatedTotalShippingCharges: "4.90",
      customer: {
        civility: "MRS",
        customerId: "11223344",
        email: null,
        encryptedEmail: "c.0123456789abcdef@clemarche.com",
        firstName: "Zoé",
        lastName: "Dupont",
        mobilePhone: "0600000000",
        phone: "",
        shippingFirstName: "Zoé",
        shippingLastName: "Dupont",
      },
      billingAddress: {
        ...address,
        address1: "12 rue de l'Église",
        address2: null,
        building: null,
        companyName: "Dupont & Fils",
        instructions: null,
        placeName: "",
        relayId: null,
        street: "12 rue de l'Église",
      },
      shippingAddress: {
        ...address,
        address1: "Relais Tabac de la Gare",
        address2: "Bâtiment B",
        apartmentNumber: "3",
        building: "B",
        companyName: null,
        instructions: "Digicode 1234\nSonner deux fois",
        placeName: "Gare",
        relayId: "012345",
        street: "2 place de la Gare",
      },
      lines: [
        {
          acceptationState: "ShippedBySeller",
          categoryCode: "0E0A0701",
          deliveryDateMax: utc("2019-05-05T22:00:00.000Z"),
          deliveryDateMin: utc("2019-05-01T22:00:00.000Z"),
          hasClaim: false,
          initialPrice: "19.99",
          isCDAV: false,
          isNegotiated: null,
          isProductEanGenerated: false,
          name: 'Câble USB-C <1 m> "renforcé"',
          productCondition: "New",
          productEan: "3700000000001",
          productId: "AUC3700000000001",
          purchasePrice: "19.99",
          quantity: 4,
          refundShippingCharges: null,
          rowId: 0,
          sellerProductId: "SKU-CABLE-1",
          shippingDateMax: utc("2019-04-30T16:00:00.000Z"),
          shippingDateMin: utc("2019-04-29T12:13:07.120Z"),
          sku: "AUC3700000000001",
          skuParent: null,
          unitAdditionalShippingCharges: "1",
          unitShippingCharges: "4.90",
        },
        {
          acceptationState: "ShippedBySeller",
          categoryCode: "0E0A0702",
          deliveryDateMax: null,
          deliveryDateMin: null,
          hasClaim: false,
          initialPrice: "20",
          isCDAV: false,
          isNegotiated: false,
          isProductEanGenerated: false,
          name: "Hub USB 7 ports",
          productCondition: "New",
          productEan: "3700000000002",
          productId: "AUC3700000000002",
          purchasePrice: "20",
          quantity: 1,
          refundShippingCharges: false,
          rowId: 1,
          sellerProductId: "SKU-HUB-7",
          shippingDateMax: null,
          shippingDateMin: null,
          sku: "AUC3700000000002",
          skuParent: null,
          unitAdditionalShippingCharges: "0",
          unitShippingCharges: "0",
        },
        {
          acceptationState: "None",
          categoryCode: null,
          deliveryDateMax: null,
          deliveryDateMin: null,
          hasClaim: false,
          initialPrice: null,
          isCDAV: false,
          isNegotiated: null,
          isProductEanGenerated: false,
          name: "FRAISTRAITEMENT",
          productCondition: "None",
          productEan: "",
          productId: "FRAISTRAITEMENT",
          purchasePrice: "0.18",
          quantity: 1,
          refundShippingCharges: null,
          rowId: 2,
          // An empty <SellerProductId/> stays "" (not null): callers skip fee lines on it.
          sellerProductId: "",
          shippingDateMax: null,
          shippingDateMin: null,
          sku: "FRAISTRAITEMENT",
          skuParent: null,
          unitAdditionalShippingCharges: "0",
          unitShippingCharges: "0",
        },
      ],
      parcels: [
        {
          customerNum: "11223344",
          externalCarrierName: "Colissimo",
          externalCarrierTrackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901&lang=fr",
          isCustomerReturn: false,
          items: [
            { productName: 'Câble USB-C <1 m> "renforcé"', quantity: 4, sku: "AUC3700000000001" },
            { productName: "Hub USB 7 ports", quantity: 1, sku: "AUC3700000000002" },
          ],
          parcelStatus: "Not Delivered - Back Transporter",
          realCarrierCode: "COL",
        },
      ],
      vouchers: [{ createDate: utc("2019-05-10T08:00:00.500Z"), amount: "19.99", motiveId: 132, source: "Seller" }],
    });
  });

  it("decodes a PaymentInProgress order without customer, addresses or lines", () => {
    expect(byNumber("2401010030PAYIN")).toStrictEqual({
      orderNumber: "2401010030PAYIN",
      orderState: "PaymentInProgress",
      archiveParcelList: false,
      corporationCode: "CDSB2C",
      corporationName: "Cdiscount",
      // Winter (+01:00), and the UTC instant falls in the previous year.
      creationDate: utc("2023-12-31T23:30:00.500Z"),
      lastUpdatedDate: null,
      modifiedDate: null,
      hasClaims: false,
      isCLogistiqueOrder: false,
      isEligibileSubstitution: false,
      modGesLog: "MKPCDS",
      partnerOrderRef: null,
      shippingCode: "STD",
      shippingDateMax: null,
      shippingDateMin: null,
      status: "Waiting",
      validationStatus: "ValidatingFianet",
      visaCegid: null,
      initialTotalAmount: "19.99",
      initialTotalShippingChargesAmount: "0",
      shippedTotalAmount: "0",
      shippedTotalShippingCharges: "0",
      siteCommissionPromisedAmount: "0",
      siteCommissionShippedAmount: "0",
      siteCommissionValidatedAmount: "0",
      validatedTotalAmount: "0",
      validatedTotalShippingCharges: "0",
      customer: null,
      billingAddress: null,
      shippingAddress: null,
      lines: [],
      parcels: [],
      vouchers: [],
    });
  });

  it("decodes a fulfilled-by-Cdiscount order in an internal state", () => {
    const order = byNumber("2407011200FBC01");
    expect(order).toMatchObject({
      orderState: "BlockedFraudSuspicion",
      modGesLog: "MKPFBC",
      isCLogistiqueOrder: true,
      isEligibileSubstitution: true,
      archiveParcelList: true,
      hasClaims: true,
      partnerOrderRef: "EXT-REF-42",
      shippingCode: "LV3",
      status: "Waiting",
      validationStatus: "PreAccepted",
      visaCegid: 243,
      initialTotalAmount: "1234567.89",
      validatedTotalAmount: "1234567.89",
      siteCommissionPromisedAmount: "12345.68",
      parcels: [],
      vouchers: [],
    });
    // Seven fractional digits (.NET ticks) are read to the millisecond.
    expect(order.creationDate).toEqual(utc("2024-07-01T10:00:00.123Z"));
    expect(order.lastUpdatedDate).toEqual(utc("2024-07-02T06:15:30.250Z"));
    expect(order.customer?.email).toBe("jean.martin@example.com");
    expect(order.customer?.mobilePhone).toBeNull();
    expect(order.billingAddress?.address2).toBe("");
    expect(order.billingAddress?.county).toBeNull();
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]).toMatchObject({
      acceptationState: "AcceptedBySeller",
      productCondition: "Refurbished",
      productEan: "",
      purchasePrice: "1234567.89",
      initialPrice: "1234567.89",
      isCDAV: true,
      isNegotiated: false,
      isProductEanGenerated: true,
      refundShippingCharges: true,
      skuParent: "AUC00130517",
      shippingDateMax: utc("2024-07-02T21:59:59.999Z"),
      shippingDateMin: utc("2024-07-01T10:00:00.123Z"),
    });
  });

  it("keeps a state it does not know, and reads nil lines as none", () => {
    const order = byNumber("1904241640FUT9Z");
    expect(order.orderState).toBe("WaitingForCustomsClearance");
    expect(order.lines).toEqual([]);
    expect(order.vouchers).toEqual([]);
    expect(order.partnerOrderRef).toBe("");
    expect(order.modGesLog).toBeNull();
    expect(order.initialTotalAmount).toBe("1");
    expect(order.customer).toEqual({
      civility: "None",
      customerId: "55443322",
      email: null,
      encryptedEmail: null,
      firstName: null,
      lastName: null,
      mobilePhone: null,
      phone: null,
      shippingFirstName: null,
      shippingLastName: null,
    });
  });

  it.each([
    ["2019-04-29T14:13:07.12 (summer, 2 digits)", "1904291413BT4WY", "creationDate", "2019-04-29T12:13:07.120Z"],
    ["2019-04-24T16:40:06.3 (summer, 1 digit)", "1904241640FUT9Z", "creationDate", "2019-04-24T14:40:06.300Z"],
    ["2024-07-01T12:00:00.1234567 (summer, 7 digits)", "2407011200FBC01", "creationDate", "2024-07-01T10:00:00.123Z"],
    ["2024-01-01T00:30:00.5 (winter)", "2401010030PAYIN", "creationDate", "2023-12-31T23:30:00.500Z"],
    ["2019-10-27T03:00:00 (first hour of winter time)", "1904241640FUT9Z", "lastUpdatedDate", "2019-10-27T02:00:00.000Z"],
    ["2019-10-28T00:00:00 (winter)", "1904241640FUT9Z", "shippingDateMin", "2019-10-27T23:00:00.000Z"],
    ["2019-11-04T00:00:00 (winter)", "1904241640FUT9Z", "shippingDateMax", "2019-11-03T23:00:00.000Z"],
  ] as const)("reads %s as Paris time", (_label, orderNumber, field, iso) => {
    expect(byNumber(orderNumber)[field]?.toISOString()).toBe(iso);
  });

  it("keeps money as the exact decimal strings written", () => {
    const money = decoded.orders.flatMap((o) => [o.initialTotalAmount, o.initialTotalShippingChargesAmount, o.siteCommissionPromisedAmount, ...o.lines.map((l) => l.purchasePrice)]);
    for (const value of ["0.18", "1", "100", "19.99", "1234567.89", "4.90", "12345.68"]) expect(money).toContain(value);
    expect(money.every((m) => typeof m === "string")).toBe(true);
  });

  it("does not depend on the whitespace between elements", () => {
    // WCF writes no indentation; the fixture is indented for reading. Values containing
    // newlines (Instructions) are not between two tags, so they survive the compaction.
    const compact = xml.replace(/>\s+</g, "><");
    expect(compact).not.toContain("\n  ");
    expect(orders(compact)).toStrictEqual(decoded);
  });

  it("sets apart an order it cannot read, and keeps the others", () => {
    const badDate = xml.replace("<CreationDate>2024-07-01T12:00:00.1234567</CreationDate>", "<CreationDate>01/07/2024 12:00</CreationDate>");
    const result = orders(badDate);
    expect(result.orders.map((o) => o.orderNumber)).toEqual(["1904291413BT4WY", "2401010030PAYIN", "1904241640FUT9Z"]);
    expect(result.unreadable).toEqual([{ orderNumber: "2407011200FBC01", reason: 'CreationDate: "01/07/2024 12:00" is not a date' }]);

    const nilDate = xml.replace("<CreationDate>2024-07-01T12:00:00.1234567</CreationDate>", '<CreationDate i:nil="true"/>');
    expect(orders(nilDate).unreadable).toEqual([{ orderNumber: "2407011200FBC01", reason: "CreationDate of 2407011200FBC01 is missing" }]);
  });
});

describe("ValidateOrderList, partial failure", () => {
  const message = 'Le passage à l\'état ShipmentRefusedBySeller est impossible à ce stade de la commande "1904240959CN8HI".';
  const { base, result } = success(fixture("validate-order-list-partial-failure.xml"), "ValidateOrderList");

  it("reads the top-level message, French and with its quotes, on a successful call", () => {
    expect(base).toEqual({
      operationSuccess: true,
      errorMessage: `1904240959CN8HI error: ${message}`,
      errors: [],
      sellerLogin: "SELLERLOGIN",
      tokenId: "TOKENID",
    });
  });

  it("reads each order's result", () => {
    expect(decodeValidateOrderResults(result)).toStrictEqual([
      {
        orderNumber: "1904240959CN8HI",
        validated: false,
        errors: [{ type: "OrderStateIncoherent", message }],
        warnings: [],
        lineResults: [],
      },
      {
        orderNumber: "1904291413BT4WY",
        validated: true,
        errors: [],
        warnings: [],
        lineResults: [
          { sellerProductId: "SKU-CABLE-1", updated: true, errors: [] },
          { sellerProductId: "SKU-HUB-7", updated: true, errors: [] },
        ],
      },
    ]);
  });
});

describe("SOAP fault", () => {
  it.each(["GetOrderList", "ValidateOrderList", "CreateRefundVoucher", "GetGlobalConfiguration"] as const)("reads the token fault on %s, code without its prefix", (operation) => {
    expect(parseResponseEnvelope(fixture("token-fault.xml"), operation)).toEqual({
      fault: { code: "RequestTokenValidationError", message: "Token id is not correctly formatted." },
    });
  });
});

describe("GetGlobalConfiguration", () => {
  it("keeps carrier names verbatim and trims the URLs", () => {
    const { result } = success(fixture("global-configuration.xml"), "GetGlobalConfiguration");
    expect(decodeCarrierList(result)).toStrictEqual([
      { id: 7, name: "La Poste - Courrier", defaultUrl: "https://www.laposte.fr/particulier/outils/suivre-vos-envois" },
      { id: 10, name: "DHL Express", defaultUrl: "http://www.dhl.fr/fr/express/suivi_expedition.html" },
      { id: 14, name: "Colissimo", defaultUrl: "http://www.colissimo.fr/portail_colissimo/suivre.do?language=fr_FR" },
      { id: 15, name: "Colis Privé", defaultUrl: null },
      { id: 30, name: "Asendia HK ", defaultUrl: null },
    ]);
  });

  it("has the raw tab in the fixture, so the trim above is real", () => {
    expect(fixture("global-configuration.xml")).toContain("<DefaultURL>\thttp://www.dhl.fr");
  });
});

describe("CreateRefundVoucher, rejected", () => {
  it("reads the business error and empty lists", () => {
    const { base, result } = success(fixture("refund-invalid.xml"), "CreateRefundVoucher");
    expect(base).toEqual({
      operationSuccess: false,
      errorMessage: "Demande de remboursement invalide",
      errors: [],
      sellerLogin: "SELLERLOGIN",
      tokenId: "TOKENID",
    });
    expect(decodeRefundResult(result)).toStrictEqual({ orderNumber: "1904291413BT4WY", sellerRefunds: [], commercialGestures: [] });
  });
});

describe("STS", () => {
  it("reads the token", () => {
    expect(parseTokenResponse(fixture("sts-token.xml"))).toBe("55ecf38bf6d1477cbc2bd22281d098e3");
  });

  it("fails clearly on the WAF's HTML page", () => {
    const html = fixture("sts-html.html");
    expect(html).toContain("Welcome on Cdiscount STS");
    expect(() => parseXml(html)).toThrow(XmlFormatError);
    expect(() => parseTokenResponse(html)).toThrow(XmlFormatError);
    expect(() => parseResponseEnvelope(html, "GetOrderList")).toThrow(XmlFormatError);
  });

  it("finds no token in a well-formed document that is not the STS answer", () => {
    expect(parseTokenResponse("<html><body>Welcome on Cdiscount STS</body></html>")).toBeNull();
  });
});

describe("truncated responses", () => {
  // A body cut short (connection reset, proxy limit) must never decode as a shorter valid answer.
  const cuts = (length: number, step: number) => Array.from({ length: Math.ceil((length - 1) / step) }, (_, i) => 1 + i * step);

  it.each(FIXTURES.filter((f) => f !== "get-order-list-quirks.xml" && f !== "sts-html.html"))("rejects every prefix of %s", (name) => {
    const xml = fixture(name).trimEnd();
    for (const at of cuts(xml.length, 1)) expect(() => parseXml(xml.slice(0, at)), `cut at ${at}`).toThrow(XmlFormatError);
  });

  it("rejects prefixes of the large order list, and through parseResponseEnvelope too", () => {
    const xml = fixture("get-order-list-quirks.xml").trimEnd();
    for (const at of [...cuts(xml.length, 97), Math.floor(xml.length / 2), xml.length - 1]) {
      expect(() => parseResponseEnvelope(xml.slice(0, at), "GetOrderList"), `cut at ${at}`).toThrow(XmlFormatError);
    }
  });
});
