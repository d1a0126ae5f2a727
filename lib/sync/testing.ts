// Compares the store with the sandbox, for the sync, crash and fault tests: every order
// the marketplace holds for the shop must be in the store, once, field by field.
import type { Db } from "@/lib/db/client";
import { ORDER_STATE_ENUM, type MarketplaceOrder } from "@/lib/cdiscount/types";
import { canonicalJson } from "@/lib/db/canonical-json";
import { toOrderRecord } from "./order-record";

const DATE_KEY = /Date(Max|Min)?$|^creationDate$|^lastUpdatedDate$|^modifiedDate$/;

/** The admin API sends JSON: dates come back as ISO strings. (A walk, not a JSON round trip: thousands of orders.) */
function reviveDates<T>(value: T, key = ""): T {
  if (typeof value === "string") return (DATE_KEY.test(key) && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => reviveDates(v)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v, k)])) as T;
  return value;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const money = (v: { toString(): string } | string | null) => (v === null ? null : Number(v.toString()).toFixed(2));

const COMPARED = {
  orderNumber: true,
  marketplaceState: true,
  status: true,
  bucket: true,
  shippingCode: true,
  modGesLog: true,
  fulfillmentType: true,
  deliveredByMarketplace: true,
  initialTotalAmount: true,
  validatedTotalAmount: true,
  shippedTotalAmount: true,
  siteCommissionPromisedAmount: true,
  marketplaceCreatedAt: true,
  marketplaceUpdatedAt: true,
  shippingDateMax: true,
  customerLastName: true,
  customerFirstName: true,
  shippingAddress: true,
  lines: { orderBy: { position: "asc" }, select: { sellerProductId: true, acceptationState: true, purchasePrice: true, quantity: true, isFeeLine: true } },
} as const;

/** The differences between what the sandbox holds and what the store holds (empty = equal). */
export async function storeDifferences(db: Db, shopId: string, marketplaceOrders: MarketplaceOrder[], corporationCode = "CDSB2C"): Promise<string[]> {
  const requestable = new Set<string>(ORDER_STATE_ENUM);
  const expected = marketplaceOrders
    .map((o) => reviveDates(o))
    .filter((o) => o.corporationCode === corporationCode && requestable.has(o.orderState))
    .map(toOrderRecord);
  // By pages (the lines of thousands of orders at once pass SQLite's parameter limit),
  // and only what is compared: the crash suite compares thousands of orders ten times.
  const stored = [];
  for (let page; (page = await db.order.findMany({ where: { shopId }, select: COMPARED, orderBy: { id: "asc" }, skip: stored.length, take: 500 })).length; ) {
    stored.push(...page);
  }
  const byNumber = new Map(stored.map((o) => [o.orderNumber, o]));
  const diffs: string[] = [];
  if (stored.length !== expected.length) diffs.push(`store has ${stored.length} orders, marketplace ${expected.length}`);
  for (const e of expected) {
    const s = byNumber.get(e.orderNumber);
    if (!s) {
      diffs.push(`${e.orderNumber}: missing from the store`);
      continue;
    }
    const pairs: [string, unknown, unknown][] = [
      ["marketplaceState", s.marketplaceState, e.marketplaceState],
      ["status", s.status, e.status],
      ["bucket", s.bucket, e.bucket],
      ["shippingCode", s.shippingCode, e.shippingCode],
      ["modGesLog", s.modGesLog, e.modGesLog],
      ["fulfillmentType", s.fulfillmentType, e.fulfillmentType],
      ["deliveredByMarketplace", s.deliveredByMarketplace, e.deliveredByMarketplace],
      ["initialTotalAmount", money(s.initialTotalAmount), money(e.initialTotalAmount)],
      ["validatedTotalAmount", money(s.validatedTotalAmount), money(e.validatedTotalAmount)],
      ["shippedTotalAmount", money(s.shippedTotalAmount), money(e.shippedTotalAmount)],
      ["siteCommissionPromisedAmount", money(s.siteCommissionPromisedAmount), money(e.siteCommissionPromisedAmount)],
      ["marketplaceCreatedAt", iso(s.marketplaceCreatedAt), iso(e.marketplaceCreatedAt)],
      ["marketplaceUpdatedAt", iso(s.marketplaceUpdatedAt), iso(e.marketplaceUpdatedAt)],
      ["shippingDateMax", iso(s.shippingDateMax), iso(e.shippingDateMax)],
      ["customerLastName", s.customerLastName, e.customerLastName],
      ["customerFirstName", s.customerFirstName, e.customerFirstName],
      ["shippingAddress", canonicalJson(s.shippingAddress), canonicalJson(e.shippingAddress)],
      ["lines", s.lines.length, e.lines.length],
    ];
    for (const [i, line] of e.lines.entries()) {
      const sl = s.lines[i];
      pairs.push(
        [`line ${i} sku`, sl?.sellerProductId ?? null, line.sellerProductId],
        [`line ${i} state`, sl?.acceptationState ?? null, line.acceptationState],
        [`line ${i} price`, sl ? money(sl.purchasePrice) : null, money(line.purchasePrice)],
        [`line ${i} quantity`, sl?.quantity ?? null, line.quantity],
        [`line ${i} fee`, sl?.isFeeLine ?? null, line.isFeeLine],
      );
    }
    for (const [field, got, want] of pairs) if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push(`${e.orderNumber}.${field}: store ${JSON.stringify(got)}, marketplace ${JSON.stringify(want)}`);
  }
  return diffs;
}

