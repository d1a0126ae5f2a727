// The client's full reading of a large GetOrderList (saxes + tree + mapping to typed
// orders) against bare fast-xml-parser on the same bytes, the reference the issue sets.
// GetOrderList has no paging (reference §1.5), so one wide window can return thousands
// of orders in a single body; the client's reading must stay within 2× of the bare parse.
//
//   npm run bench:client [-- --orders 10000]
//
// It takes a minute or two: about 46 MB of XML is parsed 12 times.
//
// A report, not a test: timings depend on the machine, so it always exits 0.
import { parseArgs } from "node:util";
import { XMLParser } from "fast-xml-parser";
import { figure, writeBenchResult } from "@/lib/launcher/bench-result";
import { parseResponseEnvelope, responseEnvelope, resultMembers } from "../protocol/envelope";
import { decodeOrderListResult, encodeOrderListResult } from "../protocol/operations";
import { Random } from "../sandbox/random";
import type { MarketplaceAddress, MarketplaceCustomer, MarketplaceOrder, MarketplaceOrderLine, MarketplaceParcel } from "../types";

const ORDERS = Number(parseArgs({ options: { orders: { type: "string", default: "10000" } } }).values.orders);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL = 2;

// Seeded, so that two runs (or two machines) time the same document.
const rng = new Random(20240501);
const random = () => rng.next();
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const money = (max: number) => String(Math.round(random() * max * 100) / 100);
const ALNUM = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];
const alnum = (n: number) => Array.from({ length: n }, () => pick(ALNUM)).join("");

const FIRST = ["Zoé", "Jean", "Camille", "Lucas", "Inès", "Hugo", "Léa", "Noël"];
const LAST = ["Dupont", "Martin", "Lefèvre", "N'Diaye", "Rousseau", "Garçon"];
const CITIES = [
  ["Paris", "75011"],
  ["Saint-Étienne", "42000"],
  ["Lyon", "69003"],
  ["Bordeaux", "33000"],
] as const;
const PRODUCTS = ['Câble USB-C <1 m> "renforcé"', "Lave-linge 9 kg", "Coque iPhone 15 & verre trempé", "Chaise de bureau ergonomique", "Lot de 3 poêles"];
const STATES = ["WaitingForShipmentAcceptation", "WaitingForShipmentAcceptation", "Shipped", "WaitingForSellerAcceptation", "CancelledByCustomer"];

function address(first: string, last: string): MarketplaceAddress {
  const [city, zip] = pick(CITIES);
  const street = `${int(1, 120)} rue de l'Église`;
  return {
    address1: street,
    address2: random() < 0.3 ? `Bâtiment ${pick(["A", "B", "C"])}` : null,
    apartmentNumber: random() < 0.2 ? String(int(1, 40)) : "",
    building: null,
    city,
    civility: pick(["MR", "MRS", "MISS"]),
    companyName: random() < 0.1 ? "Dupont & Fils" : null,
    country: "FR",
    county: "N/A",
    firstName: first,
    instructions: random() < 0.2 ? "Digicode 1234\nSonner deux fois" : null,
    lastName: last,
    placeName: "",
    relayId: random() < 0.2 ? String(int(10000, 99999)) : null,
    street,
    zipCode: zip,
  };
}

function customer(first: string, last: string): MarketplaceCustomer {
  return {
    civility: pick(["MR", "MRS", "MISS"]),
    customerId: String(int(10_000_000, 99_999_999)),
    email: null,
    encryptedEmail: `c.${alnum(16).toLowerCase()}@clemarche.com`,
    firstName: first,
    lastName: last,
    mobilePhone: `06${int(10_000_000, 99_999_999)}`,
    phone: "",
    shippingFirstName: first,
    shippingLastName: last,
  };
}

function line(rowId: number, created: Date): MarketplaceOrderLine {
  const ean = `370${int(1_000_000_000, 9_999_999_999)}`;
  const price = money(300);
  return {
    acceptationState: "AcceptedBySeller",
    categoryCode: `0E0A${int(1000, 9999)}`,
    deliveryDateMax: new Date(created.getTime() + 6 * 86_400_000),
    deliveryDateMin: new Date(created.getTime() + 3 * 86_400_000),
    hasClaim: false,
    initialPrice: price,
    isCDAV: random() < 0.1,
    isNegotiated: null,
    isProductEanGenerated: false,
    name: pick(PRODUCTS),
    productCondition: "New",
    productEan: ean,
    productId: `AUC${ean}`,
    purchasePrice: price,
    quantity: int(1, 3),
    refundShippingCharges: null,
    rowId,
    sellerProductId: `SKU-${alnum(6)}`,
    shippingDateMax: null,
    shippingDateMin: null,
    sku: `AUC${ean}`,
    skuParent: null,
    unitAdditionalShippingCharges: "0",
    unitShippingCharges: money(9),
  };
}

function parcel(o: MarketplaceOrder): MarketplaceParcel {
  return {
    customerNum: o.customer?.customerId ?? null,
    externalCarrierName: "Colissimo",
    externalCarrierTrackingUrl: `https://www.laposte.fr/outils/suivre-vos-envois?code=6A${int(10_000_000, 99_999_999)}`,
    isCustomerReturn: false,
    items: o.lines.map((l) => ({ productName: l.name, quantity: l.quantity, sku: l.sku })),
    parcelStatus: "On Going Delivery",
    realCarrierCode: "COL",
  };
}

function order(): MarketplaceOrder {
  const created = new Date(Date.UTC(2024, int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59), int(0, 999)));
  const first = pick(FIRST);
  const last = pick(LAST);
  const shipping = address(first, last);
  const state = pick(STATES);
  // 1, 2 or 3 lines, 2 on average.
  const lines = Array.from({ length: int(1, 3) }, (_, i) => line(i, created));
  const yymmddhhmm = created.toISOString().slice(2, 16).replace(/\D/g, "");
  const o: MarketplaceOrder = {
    orderNumber: `${yymmddhhmm}${alnum(5)}`,
    orderState: state,
    archiveParcelList: false,
    corporationCode: "CDSB2C",
    corporationName: "Cdiscount",
    creationDate: created,
    lastUpdatedDate: new Date(created.getTime() + int(60_000, 86_400_000)),
    modifiedDate: null,
    hasClaims: false,
    isCLogistiqueOrder: random() < 0.1,
    isEligibileSubstitution: false,
    modGesLog: "MKPCDS",
    partnerOrderRef: null,
    shippingCode: pick(["TRK", "REG", "STD", "EXP"]),
    shippingDateMax: new Date(created.getTime() + 6 * 86_400_000),
    shippingDateMin: new Date(created.getTime() + 3 * 86_400_000),
    status: "Validated",
    validationStatus: "None",
    visaCegid: pick([98, 230, 243]),
    initialTotalAmount: money(600),
    initialTotalShippingChargesAmount: money(15),
    shippedTotalAmount: "0",
    shippedTotalShippingCharges: "0",
    siteCommissionPromisedAmount: money(60),
    siteCommissionShippedAmount: "0",
    siteCommissionValidatedAmount: money(60),
    validatedTotalAmount: money(600),
    validatedTotalShippingCharges: money(15),
    customer: customer(first, last),
    billingAddress: random() < 0.7 ? shipping : address(first, last),
    shippingAddress: shipping,
    lines,
    parcels: [],
    vouchers: [],
  };
  if (state === "Shipped") o.parcels = [parcel(o)];
  return o;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `RUNS` runs, after one warm-up run so that JIT and caches are hot in both. */
function time(run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const orders = Array.from({ length: ORDERS }, order);
const base = { operationSuccess: true, errorMessage: null, errors: [], sellerLogin: "SELLERLOGIN-api", tokenId: "55ecf38bf6d1477cbc2bd22281d098e3" };
const xml = responseEnvelope("GetOrderList", resultMembers(base, encodeOrderListResult(orders, { withLines: true, withParcels: true })));

// Same options as the client's parser, minus what only the client does (validation,
// attribute prefix for i:nil), so the ratio measures the client's own overhead.
const bare = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, parseTagValue: false, trimValues: false });

// A decode that silently lost orders would look fast: check the work is real first.
const check = parseResponseEnvelope(xml, "GetOrderList");
if ("fault" in check) throw new Error("the generated response is a fault");
const decoded = decodeOrderListResult(check.result);
if (decoded.orders.length !== ORDERS || decoded.unreadable.length) throw new Error(`decoded ${decoded.orders.length} orders, ${decoded.unreadable.length} unreadable`);

const bareMs = time(() => bare.parse(xml));
const envelopeMs = time(() => parseResponseEnvelope(xml, "GetOrderList"));
const clientMs = time(() => {
  const parsed = parseResponseEnvelope(xml, "GetOrderList");
  if ("fault" in parsed) throw new Error("fault");
  return decodeOrderListResult(parsed.result);
});

const lines = orders.reduce((n, o) => n + o.lines.length, 0);
const rate = (ms: number) => Math.round((ORDERS / ms) * 1000).toLocaleString("en-US");
const row = (label: string, ms: number) => `${label.padEnd(44)}${ms.toFixed(1).padStart(10)} ms${rate(ms).padStart(12)} orders/s`;
const ratio = clientMs / bareMs;

console.log(`GetOrderList: ${ORDERS.toLocaleString("en-US")} orders, ${lines.toLocaleString("en-US")} lines, ${(Buffer.byteLength(xml) / 1e6).toFixed(1)} MB of XML`);
console.log(`median of ${RUNS} runs after 1 warm-up, Node ${process.version}`);
console.log("");
console.log(row("fast-xml-parser parse (bare)", bareMs));
console.log(row("client: parseResponseEnvelope", envelopeMs));
console.log(row("client: parseResponseEnvelope + decode", clientMs));
console.log("");
console.log(`ratio client / bare: ${ratio.toFixed(2)}×   goal ≤ ${GOAL}×   ${ratio <= GOAL ? "PASS" : "FAIL"}`);

writeBenchResult("client", `${ORDERS.toLocaleString("en-US")} orders, ${(Buffer.byteLength(xml) / 1e6).toFixed(1)} MB, median of ${RUNS}`, [
  figure({ figure: `reading a ${ORDERS.toLocaleString("en-US")}-order GetOrderList`, goal: `≤ ${GOAL}× bare parse`, measured: Math.round(clientMs), unit: "ms", ratio: Math.round(ratio * 100) / 100, baseline: `bare fast-xml-parser ${Math.round(bareMs)} ms`, met: ratio <= GOAL }),
]);
