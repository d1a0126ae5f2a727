// The manager's review queries on a real store: SQLite always, PostgreSQL too when its
// binaries (or TEST_DATABASE_URL) are there -- the same raw SQL must hold on both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { getDb, Prisma, type Db } from "@/lib/db/client";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "@/lib/testing/postgres-database";
import { MARKETPLACE_STATE_CHANGE } from "@/lib/sync/order-writer";
import { bucketOf, isDisplayedStatus, statusesInBucket } from "@/lib/orders/status";
import { CANCELED_STATUSES, causeOf, statusesOfCause, type CanceledStatus } from "./cancellation-causes";
import { countOrdersPerPeriod } from "./count-orders-per-period";
import { getCanceledSummary } from "./get-canceled-summary";
import { getCancellationTrend } from "./get-cancellation-trend";
import { getFulfillmentSummary } from "./get-fulfillment-summary";
import { getFulfillmentTrend } from "./get-fulfillment-trend";
import { getIndicatorRates } from "./get-indicator-rates";
import { listAuditFacets } from "./list-audit-facets";
import { listAuditLog } from "./list-audit-log";
import { listCanceledOrders, type CanceledOrderRow } from "./list-canceled-orders";
import { lastDays, parisDayOf, periodsOf, type DayRange } from "./periods";
import Papa from "papaparse";
import { UTF8_BOM } from "@/lib/export/csv";
import { AUDIT_EXPORT_COLUMNS, exportAuditCsv, type AuditCsvFormat } from "@/lib/export/export-audit-csv";
import { canceledOrderPages, exportOrdersCsv, fulfillmentOrderPages } from "@/lib/export/export-orders-csv";
import { EXPORT_COLUMNS, type OrderCsvFormat } from "@/lib/export/order-export-columns";

setupTestDatabase();

const NOW = new Date("2026-11-27T10:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);
// The default review range: the last 30 Paris days, today included. It starts at Paris
// midnight on 29 October (CET, UTC+1): 2026-10-28T23:00:00Z.
const RANGE: DayRange = lastDays(NOW, 30);
const RANGE_START = new Date("2026-10-28T23:00:00.000Z");

interface Spec {
  number: string;
  status: string;
  created: Date;
  amount?: string;
  deadline?: Date | null;
  updated?: Date | null;
  fulfillment?: "MKPFBC" | "EXTFBC" | null;
  /** State changes: [time, from, to]. */
  events?: [Date, string | null, string][];
  /** A SHIP action the desk completed at this time. */
  shippedByDesk?: Date;
}

async function createOrder(db: Db, shopId: string, spec: Spec): Promise<string> {
  const d = (v: string) => new Prisma.Decimal(v);
  const amount = d(spec.amount ?? "10.00");
  const order = await db.order.create({
    data: {
      shopId,
      orderNumber: spec.number,
      marketplaceState: spec.status,
      status: spec.status,
      bucket: bucketOf(isDisplayedStatus(spec.status) ? spec.status : "Other"),
      fulfillmentType: spec.fulfillment ?? null,
      initialTotalAmount: amount,
      initialTotalShippingChargesAmount: d("0"),
      validatedTotalAmount: amount,
      validatedTotalShippingCharges: d("0"),
      shippedTotalAmount: d("0"),
      shippedTotalShippingCharges: d("0"),
      siteCommissionPromisedAmount: d("0"),
      siteCommissionValidatedAmount: d("0"),
      siteCommissionShippedAmount: d("0"),
      marketplaceCreatedAt: spec.created,
      marketplaceUpdatedAt: spec.updated === undefined ? spec.created : spec.updated,
      shippingDateMax: spec.deadline ?? null,
    },
  });
  for (const [occurredAt, fromStatus, toStatus] of spec.events ?? []) {
    await db.orderEvent.create({ data: { orderId: order.id, kind: MARKETPLACE_STATE_CHANGE, occurredAt, fromStatus, toStatus, data: { marketplaceState: toStatus } } });
  }
  if (spec.shippedByDesk) {
    await db.marketplaceAction.create({
      data: { shopId, orderId: order.id, kind: "SHIP", status: "SUCCEEDED", idempotencyKey: `ship-${order.id}`, payload: {}, completedAt: spec.shippedByDesk, createdAt: at(-60 * DAY) },
    });
  }
  return order.id;
}

const cancel = (number: string, status: CanceledStatus, created: Date, canceled: Date | null, amount: string, extra: Partial<Spec> = {}): Spec => ({
  number,
  status,
  created,
  amount,
  updated: canceled ?? null,
  events: canceled ? [[canceled, "WaitingForSellerAcceptation", status]] : [],
  ...extra,
});

/** Shop A: the manager's. B: another tenant's, with orders that would change every figure. */
const SHOP_A: Spec[] = [
  cancel("C1", "CancelledByCustomer", at(-48 * HOUR), at(-40 * HOUR), "10.00"),
  cancel("C2", "RefusedBySeller", at(-5 * DAY), at(-4 * DAY), "20.50"),
  // No event: marketplaceUpdatedAt is the cancellation time.
  { number: "C3", status: "AutomaticCancellation", created: at(-10 * DAY), updated: at(-8 * DAY), amount: "30.00" },
  // Canceled at the same instant as C2: a tie the list's keyset must break.
  cancel("C4", "PaymentRefused", at(-3 * DAY), at(-4 * DAY), "5.25"),
  cancel("C5", "NonPickedUpByCustomer", at(-20 * DAY), at(-6 * DAY), "99.99"),
  cancel("C6", "CancellationRequestPending", at(-2 * DAY), at(-1 * DAY), "15.00"),
  // Canceled long ago: out of the range.
  cancel("C7", "CancelledByCustomer", at(-90 * DAY), at(-80 * DAY), "500.00"),
  // Placed before the range, canceled in it.
  cancel("C8", "ShipmentRefusedBySeller", at(-35 * DAY), at(-2 * DAY), "40.00"),
  // Neither event nor update time: its creation time.
  { number: "C9", status: "RefusedNoShipment", created: at(-1 * DAY), updated: null, amount: "8.00" },
  // Entered the canceled bucket with a request, then canceled: the entry is the time.
  {
    number: "C10",
    status: "CancelledByCustomer",
    created: at(-15 * DAY),
    updated: at(-11 * DAY),
    amount: "7.00",
    events: [
      [at(-15 * DAY), null, "WaitingForSellerAcceptation"],
      [at(-12 * DAY), "AcceptedBySeller", "CancellationRequestPending"],
      [at(-11 * DAY), "CancellationRequestPending", "CancelledByCustomer"],
    ],
  },
  // On the range's first instant (in), and a millisecond before it (out).
  cancel("C11", "CancelledByCustomer", at(-31 * DAY), RANGE_START, "1.00"),
  cancel("C12", "CancelledByCustomer", at(-31 * DAY), new Date(RANGE_START.getTime() - 1), "2.00"),

  // Shipped by the seller: the late-shipment rate's orders.
  { number: "S1", status: "Shipped", created: at(-10 * DAY), deadline: at(-8 * DAY), events: [[at(-9 * DAY), "WaitingForShipmentAcceptation", "Shipped"]] },
  { number: "S2", status: "Shipped", created: at(-10 * DAY), deadline: at(-8 * DAY), events: [[at(-7 * DAY), "WaitingForShipmentAcceptation", "Shipped"]] },
  // Cdiscount recorded it late, but the desk shipped it in time: the earliest counts.
  { number: "S3", status: "Shipped", created: at(-10 * DAY), deadline: at(-8 * DAY), events: [[at(-7 * DAY), "WaitingForShipmentAcceptation", "Shipped"]], shippedByDesk: at(-8.5 * DAY) },
  { number: "S4", status: "PickedUp", created: at(-50 * DAY), deadline: at(-45 * DAY), events: [[at(-44 * DAY), "WaitingForShipmentAcceptation", "Shipped"]] },
  { number: "W1", status: "WaitingForShipmentAcceptation", created: at(-5 * DAY), deadline: at(-1 * DAY) },
  { number: "W2", status: "WaitingForShipmentAcceptation", created: at(-1 * DAY), deadline: at(1 * DAY) },
  { number: "N1", status: "WaitingForSellerAcceptation", created: at(-1 * HOUR), deadline: at(2 * DAY) },
  // Past its deadline but Cdiscount still checks the payment: not the seller's delay.
  { number: "N2", status: "PaymentInProgress", created: at(-6 * DAY), deadline: at(-2 * DAY) },
  // Past its deadline, still to accept: the seller's.
  { number: "N3", status: "WaitingForSellerAcceptation", created: at(-6 * DAY), deadline: at(-3 * DAY) },
  // Cdiscount ships these: never judged for lateness, reviewed apart.
  { number: "F1", status: "Shipped", created: at(-10 * DAY), deadline: at(-8 * DAY), fulfillment: "MKPFBC", amount: "25.00", events: [[at(-2 * DAY), "WaitingForShipmentAcceptation", "Shipped"]] },
  { number: "F2", status: "Shipped", created: at(-3 * DAY), fulfillment: "EXTFBC", amount: "12.00" },
  { number: "F3", status: "PickedUp", created: at(-4 * DAY), fulfillment: "MKPFBC", amount: "13.50" },
  { number: "F4", status: "Shipped", created: at(-40 * DAY), fulfillment: "MKPFBC", amount: "99.00" },
];

const SHOP_B: Spec[] = [
  cancel("B-C1", "CancelledByCustomer", at(-2 * DAY), at(-1 * DAY), "1000.00"),
  cancel("B-C2", "RefusedBySeller", at(-3 * DAY), at(-2 * DAY), "1000.00"),
  { number: "B-W1", status: "WaitingForShipmentAcceptation", created: at(-5 * DAY), deadline: at(-1 * DAY) },
  { number: "B-F1", status: "Shipped", created: at(-3 * DAY), fulfillment: "MKPFBC", amount: "1000.00" },
];

async function seed(db: Db) {
  const shop = async (name: string) => (await db.shop.create({ data: { name, apiLogin: `${name}-api-${Math.random()}`, apiPasswordEncrypted: "x" } })).id;
  const [a, b] = [await shop("A"), await shop("B")];
  const id: Record<string, string> = {};
  for (const spec of SHOP_A) id[spec.number] = await createOrder(db, a, spec);
  for (const spec of SHOP_B) id[spec.number] = await createOrder(db, b, spec);

  const user = async (name: string) => (await db.user.create({ data: { email: `${name}-${Math.random()}@review.test`, name, passwordHash: "x" } })).id;
  const [alice, bob, carol] = [await user("Alice"), await user("Bob"), await user("Carol")];
  await db.membership.createMany({ data: [{ userId: alice, shopId: a, role: "SELLER" }, { userId: bob, shopId: a, role: "MANAGER" }, { userId: carol, shopId: b, role: "SELLER" }] });
  const audit = (shopId: string, actorId: string | null, action: string, createdAt: Date, outcome = "success", details: object = {}) =>
    db.auditLog.create({ data: { shopId, actorId, action, targetType: "order", targetId: id.C1, outcome, createdAt, details } });
  // Three rows at one instant: the keyset must break the tie.
  const tie = at(-3 * HOUR);
  await audit(a, alice, "order.accept.request", tie, "success", { orderNumber: "C1" });
  await audit(a, alice, "order.accept", tie, "failure", { orderNumber: "C1", marketplaceMessage: "La commande n'est plus en attente" });
  await audit(a, alice, "order.note.add", tie);
  await audit(a, bob, "orders.export", at(-2 * HOUR));
  await audit(a, alice, "order.ship.request", at(-40 * DAY));
  await audit(b, carol, "order.refuse.request", at(-1 * HOUR));
  await audit(b, carol, "shop.update", at(-1 * HOUR));
  return { a, b, id, users: { alice, bob, carol } };
}

// ---------------------------------------------------------------------------------------
// An oracle: the definitions (definitions.ts) applied to the specs in plain JavaScript.

const CANCELED = new Set<string>(statusesInBucket("CANCELED"));
const SHIPPED = new Set<string>(statusesInBucket("SHIPPED"));

function canceledAtOf(s: Spec): Date {
  const entries = (s.events ?? []).filter(([, from, to]) => CANCELED.has(to) && (from === null || !CANCELED.has(from))).map(([t]) => t.getTime());
  return entries.length ? new Date(Math.max(...entries)) : (s.updated ?? s.created);
}

function shippedAtOf(s: Spec): Date | null {
  const times = [...(s.events ?? []).filter(([, , to]) => SHIPPED.has(to)).map(([t]) => t.getTime()), ...(s.shippedByDesk ? [s.shippedByDesk.getTime()] : [])];
  return times.length ? new Date(Math.min(...times)) : (s.updated ?? null);
}

function expectedRates(specs: Spec[], days: number) {
  const from = NOW.getTime() - days * DAY;
  const placed = specs.filter((s) => s.created.getTime() >= from && s.created < NOW);
  const canceled = placed.filter((s) => CANCELED.has(s.status));
  const sellerCaused = canceled.filter((s) => ["sellerRefusal", "automatic"].includes(causeOf(s.status as CanceledStatus)));
  const waitingOnSeller = ["WaitingForSellerAcceptation", "WaitingForShipmentAcceptation"];
  const judged = specs.filter((s) => !s.fulfillment && s.deadline && s.deadline.getTime() >= from && s.deadline < NOW && (waitingOnSeller.includes(s.status) || SHIPPED.has(s.status)));
  const late = judged.filter((s) => waitingOnSeller.includes(s.status) || shippedAtOf(s)! > s.deadline!);
  return { cancellation: [canceled.length, placed.length], seller: [sellerCaused.length, placed.length], late: [late.length, judged.length] };
}

function reviewSuite(connect: () => Promise<Db>) {
  let db: Db;
  let f: Awaited<ReturnType<typeof seed>>;
  const inRange = SHOP_A.filter((s) => CANCELED.has(s.status) && canceledAtOf(s) >= RANGE_START && canceledAtOf(s) <= NOW);

  beforeAll(async () => {
    db = await connect();
    f = await seed(db);
  }, 180_000);

  describe("canceled review", () => {
    it("counts each canceled status with its value lost, every status listed", async () => {
      const summary = await getCanceledSummary(db, { shopIds: [f.a], range: RANGE });
      expect(summary.statuses.map((s) => s.status)).toEqual(CANCELED_STATUSES);
      const counts = Object.fromEntries(summary.statuses.filter((s) => s.count > 0).map((s) => [s.status, [s.count, s.value]]));
      expect(counts).toEqual({
        CancelledByCustomer: [3, "18.00"], // C1, C10, C11 (C7 and C12 canceled before the range)
        RefusedBySeller: [1, "20.50"],
        AutomaticCancellation: [1, "30.00"],
        PaymentRefused: [1, "5.25"],
        NonPickedUpByCustomer: [1, "99.99"],
        CancellationRequestPending: [1, "15.00"],
        ShipmentRefusedBySeller: [1, "40.00"],
        RefusedNoShipment: [1, "8.00"],
      });
      expect(summary.total).toEqual({ count: inRange.length, value: "236.74" });
    });

    it("groups the statuses by who or what canceled", async () => {
      const summary = await getCanceledSummary(db, { shopIds: [f.a], range: RANGE });
      expect(Object.fromEntries(summary.causes.map((c) => [c.cause, [c.count, c.value]]))).toEqual({
        customer: [4, "33.00"],
        sellerRefusal: [3, "68.50"],
        automatic: [1, "30.00"],
        paymentRefused: [1, "5.25"],
        notPickedUp: [1, "99.99"],
      });
      // Every canceled status has exactly one cause.
      expect(CANCELED_STATUSES.flatMap((s) => [causeOf(s)]).length).toBe(10);
      expect(statusesOfCause("customer").sort()).toEqual(["CancellationRequestPending", "CancelledBeforeNotificationByCustomer", "CancelledBeforePaymentByCustomer", "CancelledByCustomer"]);
    });

    it("draws the trend per Paris day and per week, each order in the period it was canceled", async () => {
      const days = await getCancellationTrend(db, { shopIds: [f.a], range: RANGE, granularity: "day" });
      expect(days).toHaveLength(30);
      expect(days.reduce((n, p) => n + p.total, 0)).toBe(inRange.length);
      const expected = new Map<string, number>();
      for (const s of inRange) expected.set(parisDayOf(canceledAtOf(s)), (expected.get(parisDayOf(canceledAtOf(s))) ?? 0) + 1);
      expect(Object.fromEntries(days.filter((p) => p.total).map((p) => [p.period, p.total]))).toEqual(Object.fromEntries(expected));
      // C11, at the range's first instant, is on its first day.
      expect(days[0]).toMatchObject({ period: "2026-10-29", total: 1, value: "1.00", byCause: { customer: 1 } });
      const weeks = await getCancellationTrend(db, { shopIds: [f.a], range: RANGE, granularity: "week" });
      expect(weeks.map((w) => w.period)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
      expect(weeks.reduce((n, p) => n + p.total, 0)).toBe(inRange.length);
      const filtered = await getCancellationTrend(db, { shopIds: [f.a], range: RANGE, granularity: "week", statuses: statusesOfCause("sellerRefusal") });
      expect(filtered.reduce((n, p) => n + p.byCause.sellerRefusal, 0)).toBe(3);
      expect(filtered.reduce((n, p) => n + p.total, 0)).toBe(3);
    });

    it("lists the orders, most recently canceled first, page after page without gap or duplicate", async () => {
      const seen: CanceledOrderRow[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page = await listCanceledOrders(db, { shopIds: [f.a], range: RANGE, after, limit: 3 });
        seen.push(...page.rows);
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      const expected = [...inRange].sort((x, y) => canceledAtOf(y).getTime() - canceledAtOf(x).getTime());
      expect(seen.map((r) => r.orderNumber).sort()).toEqual(expected.map((s) => s.number).sort());
      expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
      for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.canceledAt >= seen[i]!.canceledAt).toBe(true);
      const c10 = seen.find((r) => r.orderNumber === "C10")!;
      expect(c10).toMatchObject({ status: "CancelledByCustomer", cause: "customer", canceledAt: at(-12 * DAY).toISOString(), amount: "7.00" });
      expect(seen.find((r) => r.orderNumber === "C9")!.canceledAt).toBe(at(-1 * DAY).toISOString());
    });

    it("narrows the list to a status or a cause", async () => {
      const byStatus = await listCanceledOrders(db, { shopIds: [f.a], range: RANGE, statuses: ["CancelledByCustomer"] });
      expect(byStatus.rows.map((r) => r.orderNumber)).toEqual(["C1", "C10", "C11"]);
      const byCause = await listCanceledOrders(db, { shopIds: [f.a], range: RANGE, statuses: statusesOfCause("sellerRefusal") });
      expect(byCause.rows.map((r) => r.orderNumber)).toEqual(["C9", "C8", "C2"]);
    });
  });

  describe("indicators over 30 and 60 days", () => {
    it("cancellation rate: of the orders placed in the window, those canceled (all causes, and the seller's)", async () => {
      const rates = await getIndicatorRates(db, { shopIds: [f.a], now: NOW });
      expect(rates.map((r) => r.window)).toEqual([30, 60]);
      for (const r of rates) {
        const e = expectedRates(SHOP_A, r.window);
        expect([r.cancellation.count, r.cancellation.of]).toEqual(e.cancellation);
        expect([r.sellerCancellation.count, r.sellerCancellation.of]).toEqual(e.seller);
        expect(r.cancellation.rate).toBeCloseTo(e.cancellation[0]! / e.cancellation[1]!);
      }
      // 30 days: C1 C2 C3 C4 C5 C6 C9 C10 canceled of 19 placed; seller-caused: C2 C3 C9.
      expect(rates[0]!.cancellation).toMatchObject({ count: 8, of: 19 });
      expect(rates[0]!.sellerCancellation).toMatchObject({ count: 3, of: 19 });
    });

    it("late-shipment rate: shipped after the deadline or still waiting on the seller past it; fulfillment, canceled and payment-checked orders not judged", async () => {
      const rates = await getIndicatorRates(db, { shopIds: [f.a], now: NOW });
      for (const r of rates) {
        const e = expectedRates(SHOP_A, r.window);
        expect([r.lateShipment.count, r.lateShipment.of]).toEqual(e.late);
      }
      // 30 days: S2 (shipped late), W1 and N3 (still waiting on the seller) of S1 S2 S3 W1 N3
      // (N2 waits on Cdiscount's payment check); 60 days adds S4, late.
      expect(rates[0]!.lateShipment).toMatchObject({ count: 3, of: 5, rate: 0.6 });
      expect(rates[1]!.lateShipment).toMatchObject({ count: 4, of: 6 });
    });

    it("says no rate rather than 0 % when nothing was judged", async () => {
      const rates = await getIndicatorRates(db, { shopIds: [f.a], now: new Date("2020-01-01T00:00:00Z") });
      expect(rates[0]!.cancellation).toEqual({ count: 0, of: 0, rate: null });
    });

    it("counts orders placed per Paris day by bucket", async () => {
      const points = await countOrdersPerPeriod(db, { shopIds: [f.a], range: RANGE, granularity: "day" });
      const placed = SHOP_A.filter((s) => s.created >= RANGE_START && s.created <= NOW);
      expect(points.reduce((n, p) => n + p.total, 0)).toBe(placed.length);
      const today = points.at(-1)!;
      expect(today.period).toBe("2026-11-27");
      expect(today.byBucket).toMatchObject({ NEW: 1 }); // N1, an hour ago
      const shippedTotal = points.reduce((n, p) => n + p.byBucket.SHIPPED, 0);
      expect(shippedTotal).toBe(placed.filter((s) => SHIPPED.has(s.status)).length);
    });
  });

  describe("fulfillment review", () => {
    it("splits MKPFBC and EXTFBC orders by status, with volumes and values", async () => {
      const summary = await getFulfillmentSummary(db, { shopIds: [f.a], range: RANGE });
      expect(summary.types).toEqual([
        {
          type: "MKPFBC",
          count: 2,
          value: "38.50",
          statuses: [
            { status: "Shipped", count: 1, value: "25.00" },
            { status: "PickedUp", count: 1, value: "13.50" },
          ],
        },
        { type: "EXTFBC", count: 1, value: "12.00", statuses: [{ status: "Shipped", count: 1, value: "12.00" }] },
      ]);
      expect(summary.allOrders.count).toBe(SHOP_A.filter((s) => s.created >= RANGE_START && s.created <= NOW).length);
    });

    it("draws the fulfillment orders over time", async () => {
      const weeks = await getFulfillmentTrend(db, { shopIds: [f.a], range: RANGE, granularity: "week" });
      expect(weeks.reduce((n, w) => n + w.count.MKPFBC, 0)).toBe(2);
      expect(weeks.reduce((n, w) => n + w.count.EXTFBC, 0)).toBe(1);
      const f2Week = weeks.find((w) => w.count.EXTFBC === 1)!;
      expect(f2Week).toMatchObject({ period: "2026-11-23", value: { EXTFBC: "12.00", MKPFBC: "13.50" } });
    });
  });

  describe("tenant isolation", () => {
    it("a manager of shop A never sees shop B's orders, in any figure", async () => {
      const aOnly = await getCanceledSummary(db, { shopIds: [f.a], range: RANGE });
      const both = await getCanceledSummary(db, { shopIds: [f.a, f.b], range: RANGE });
      expect(both.total.count).toBe(aOnly.total.count + 2);
      const list = await listCanceledOrders(db, { shopIds: [f.a], range: RANGE, limit: 100 });
      expect(list.rows.every((r) => r.shopId === f.a)).toBe(true);
      expect(list.rows.map((r) => r.orderNumber)).not.toContain("B-C1");
      const fulfillment = await getFulfillmentSummary(db, { shopIds: [f.a], range: RANGE });
      expect(fulfillment.types.find((t) => t.type === "MKPFBC")!.value).toBe("38.50");
      const [rates30] = await getIndicatorRates(db, { shopIds: [f.a], now: NOW });
      expect(rates30!.lateShipment.of).toBe(5);
      expect(await getCanceledSummary(db, { shopIds: [], range: RANGE })).toMatchObject({ total: { count: 0, value: "0.00" } });
    });

    it("nor their audit rows", async () => {
      const page = await listAuditLog(db, { shopIds: [f.a] });
      expect(page.rows.every((r) => r.shopId === f.a)).toBe(true);
      expect(page.rows.map((r) => r.action)).not.toContain("shop.update");
      // A shop filter naming another tenant's shop gives nothing, not their rows.
      expect((await listAuditLog(db, { shopIds: [f.a], filters: { shopId: f.b } })).rows).toEqual([]);
      const facets = await listAuditFacets(db, { shopIds: [f.a] });
      expect(facets.actions).toEqual(["order.accept", "order.accept.request", "order.note.add", "order.ship.request", "orders.export"]);
      expect(facets.actors.map((u) => u.name)).toEqual(["Alice", "Bob"]);
    });
  });

  describe("audit log", () => {
    it("lists every action newest first, by whom, on what, with its outcome", async () => {
      const { rows } = await listAuditLog(db, { shopIds: [f.a] });
      expect(rows).toHaveLength(5);
      expect(rows[0]).toMatchObject({ action: "orders.export", actor: { name: "Bob" }, shopName: "A" });
      const failed = rows.find((r) => r.action === "order.accept")!;
      expect(failed).toMatchObject({ outcome: "failure", targetType: "order", targetId: f.id.C1, orderNumber: "C1", message: "La commande n'est plus en attente" });
    });

    it("pages with a keyset that breaks ties on the same instant", async () => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page = await listAuditLog(db, { shopIds: [f.a], after, limit: 2 });
        ids.push(...page.rows.map((r) => r.id));
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    });

    it("filters by user, action and Paris days", async () => {
      expect((await listAuditLog(db, { shopIds: [f.a], filters: { actorId: f.users.bob } })).rows.map((r) => r.action)).toEqual(["orders.export"]);
      expect((await listAuditLog(db, { shopIds: [f.a], filters: { action: "order.accept" } })).rows).toHaveLength(1);
      const today = parisDayOf(NOW);
      expect((await listAuditLog(db, { shopIds: [f.a], filters: { from: today, to: today } })).rows).toHaveLength(4);
      expect((await listAuditLog(db, { shopIds: [f.a], filters: { to: parisDayOf(at(-30 * DAY)) } })).rows.map((r) => r.action)).toEqual(["order.ship.request"]);
    });
  });

  describe("CSV exports of the review lists", () => {
    const orderFormat: OrderCsvFormat = {
      delimiter: ";",
      locale: "fr",
      headers: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c])) as OrderCsvFormat["headers"],
      yes: "oui",
      no: "non",
      shopNames: new Map(),
    };
    async function csvRows(stream: ReadableStream<Uint8Array>): Promise<Record<string, string>[]> {
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { delimiter: ";" });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
    }
    const numbers = (rows: Record<string, string>[]) => rows.map((r) => r.orderNumber);

    it("exports the canceled list the page shows: its order, its facet, every page, one shop's orders only", async () => {
      const listed = await listCanceledOrders(db, { shopIds: [f.a], range: RANGE, limit: 100 });
      const all = await csvRows(exportOrdersCsv(db, { shopIds: [f.a], pages: canceledOrderPages(db, { shopIds: [f.a], range: RANGE, statuses: null }), format: orderFormat, pageSize: 2 }));
      expect(numbers(all)).toEqual(listed.rows.map((r) => r.orderNumber));
      expect(numbers(all)).not.toContain("B-C1");
      const refusals = await csvRows(exportOrdersCsv(db, { shopIds: [f.a], pages: canceledOrderPages(db, { shopIds: [f.a], range: RANGE, statuses: statusesOfCause("sellerRefusal") }), format: orderFormat }));
      expect(numbers(refusals)).toEqual(["C9", "C8", "C2"]);
      expect(refusals[2]).toMatchObject({ statusCode: "RefusedBySeller", orderAmount: "20,50" });
    });

    it("exports the fulfillment orders placed in the range, newest first, without the seller's own or another shop's", async () => {
      const rows = await csvRows(exportOrdersCsv(db, { shopIds: [f.a], pages: fulfillmentOrderPages(db, { shopIds: [f.a], range: RANGE }), format: orderFormat, pageSize: 2 }));
      // F4 was placed before the range; B-F1 is shop B's.
      expect(numbers(rows)).toEqual(["F2", "F3", "F1"]);
      expect(rows.map((r) => r.fulfillment?.slice(0, 6))).toEqual(["EXTFBC", "MKPFBC", "MKPFBC"]);
    });

    it("exports the audit log with its filters, in words, failures with Cdiscount's message", async () => {
      const format: AuditCsvFormat = {
        delimiter: ";",
        headers: Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, c])) as AuditCsvFormat["headers"],
        actionLabel: (a) => `label:${a}`,
        targetLabel: (t) => `target:${t}`,
        outcomeLabel: (o) => `outcome:${o}`,
        system: "system",
      };
      const rows = await csvRows(exportAuditCsv(db, { shopIds: [f.a], filters: {}, format, pageSize: 2 }));
      expect(rows).toHaveLength(5);
      expect(rows[0]).toMatchObject({ shop: "A", who: "Bob", action: "label:orders.export", actionCode: "orders.export", outcome: "outcome:success" });
      expect(rows.find((r) => r.actionCode === "order.accept")).toMatchObject({ outcome: "outcome:failure", orderNumber: "C1", message: "La commande n'est plus en attente", target: "target:order" });
      const bob = await csvRows(exportAuditCsv(db, { shopIds: [f.a], filters: { actorId: f.users.bob }, format }));
      expect(bob.map((r) => r.actionCode)).toEqual(["orders.export"]);
      // Another tenant's shop named: nothing of theirs.
      expect(await csvRows(exportAuditCsv(db, { shopIds: [f.a], filters: { shopId: f.b }, format }))).toEqual([]);
    });
  });
}

describe("periods", () => {
  it("cuts a range into Paris days, or Monday weeks clipped to the range", () => {
    const days = periodsOf({ from: "2026-10-24", to: "2026-10-26" }, "day");
    // 25 October 2026: the switch to winter time, a 25-hour day in Paris.
    expect(days.map((p) => [p.key, p.start.toISOString(), p.end.toISOString()])).toEqual([
      ["2026-10-24", "2026-10-23T22:00:00.000Z", "2026-10-24T22:00:00.000Z"],
      ["2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"],
      ["2026-10-26", "2026-10-25T23:00:00.000Z", "2026-10-26T23:00:00.000Z"],
    ]);
    const weeks = periodsOf({ from: "2026-11-04", to: "2026-11-17" }, "week");
    expect(weeks.map((p) => [p.key, parisDayOf(p.start), parisDayOf(new Date(p.end.getTime() - 1))])).toEqual([
      ["2026-11-02", "2026-11-04", "2026-11-08"],
      ["2026-11-09", "2026-11-09", "2026-11-15"],
      ["2026-11-16", "2026-11-16", "2026-11-17"],
    ]);
  });
});

describe("review on SQLite", () => {
  reviewSuite(async () => getDb());
});

warnIfPostgresSkipped("review");

describe.skipIf(!postgresTestAvailable)("review on PostgreSQL", () => {
  const postgres = postgresTestDatabase("review_test");
  reviewSuite(async () => (await postgres.open()).db);
  afterAll(() => postgres.close());
});
