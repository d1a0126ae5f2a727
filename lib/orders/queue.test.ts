// The queue's read side on a real store: SQLite always, PostgreSQL too when its binaries
// (or TEST_DATABASE_URL) are there -- the same raw SQL must hold on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { getDb, Prisma, type Db } from "@/lib/db/client";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "@/lib/testing/postgres-database";
import { MARKETPLACE_STATE_CHANGE } from "@/lib/sync/order-writer";
import { ORDER_ACTION_EVENT } from "@/lib/order-actions/action-kinds";
import { bucketOf, isDisplayedStatus } from "./status";
import { changeQueueParams, parseQueueParams, QUEUE_SORTS, type QueueParams, type QueueView } from "./queue-params";
import { COUNT_CAP, FILTERED_COUNT_CAP, countQueueViews, getOrderDetail, listQueue, listSyncIssues, loadQueuePage, queueCursor, type QueueRow } from "./queue";

setupTestDatabase();

const NOW = new Date("2026-11-27T10:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const params = (query = "") => parseQueueParams(new URLSearchParams(query));

interface OrderSpec {
  number: string;
  status: string;
  createdAt: Date;
  deadline?: Date | null;
  lastName?: string | null;
  amount?: string;
  shippingCode?: string | null;
  fulfillmentType?: string | null;
  tracking?: string | null;
  skus?: string[];
}

async function createOrder(db: Db, shopId: string, spec: OrderSpec): Promise<string> {
  const d = (v: string) => new Prisma.Decimal(v);
  const amount = d(spec.amount ?? "10.00");
  const lastName = spec.lastName ?? null;
  const order = await db.order.create({
    data: {
      shopId,
      orderNumber: spec.number,
      marketplaceState: spec.status === "Other" ? "BlockedFraudSuspicion" : spec.status,
      status: spec.status,
      bucket: bucketOf(isDisplayedStatus(spec.status) ? spec.status : "Other"),
      shippingCode: spec.shippingCode === undefined ? "STD" : spec.shippingCode,
      fulfillmentType: spec.fulfillmentType ?? null,
      initialTotalAmount: amount,
      initialTotalShippingChargesAmount: d("0"),
      validatedTotalAmount: amount,
      validatedTotalShippingCharges: d("0"),
      shippedTotalAmount: d("0"),
      shippedTotalShippingCharges: d("0"),
      siteCommissionPromisedAmount: d("0"),
      siteCommissionValidatedAmount: d("0"),
      siteCommissionShippedAmount: d("0"),
      marketplaceCreatedAt: spec.createdAt,
      shippingDateMax: spec.deadline === undefined ? new Date(spec.createdAt.getTime() + 72 * HOUR) : spec.deadline,
      customerFirstName: lastName ? "Camille" : null,
      customerLastName: lastName,
      shippingAddress: lastName ? { lastName, city: "Lyon" } : undefined,
      billingAddress: lastName ? { lastName, city: "Lyon" } : undefined,
      trackingNumber: spec.tracking ?? null,
      lines: {
        create: (spec.skus ?? ["SKU-X"]).map((sku, position) => ({
          position,
          sellerProductId: sku,
          quantity: 1,
          purchasePrice: amount,
          unitShippingCharges: d("0"),
          unitAdditionalShippingCharges: d("0"),
        })),
      },
    },
  });
  return order.id;
}

const SHIPPED_COUNT = 70;
const SHIPPED_NAMES = ["Bernard", "Thomas", "Robert"];

/** Shop A (the user's current shop), B (another of theirs), C (someone else's), D (a crowd for the count cap). */
async function seedFixture(db: Db) {
  const alice = await db.user.create({ data: { email: `alice-${Math.random()}@desk.test`, name: "Alice Martin", passwordHash: "x" } });
  const shop = async (name: string) => (await db.shop.create({ data: { name, apiLogin: `${name}-api`, apiPasswordEncrypted: "x" } })).id;
  const [a, b, c, d] = [await shop("A"), await shop("B"), await shop("C"), await shop("D")];
  const id: Record<string, string> = {};
  const add = async (shopId: string, spec: OrderSpec) => (id[spec.number] = await createOrder(db, shopId, spec));

  await add(a, { number: "2611271000ACCPT", status: "WaitingForSellerAcceptation", createdAt: at(-1), deadline: at(72), lastName: "Dupont", skus: ["CAFE-1KG"] });
  await add(a, { number: "2611270800PAYIN", status: "PaymentInProgress", createdAt: at(-2), deadline: at(12), lastName: "Secretname", amount: "20.00" });
  await add(a, { number: "2611270700NODLN", status: "AcceptedBySeller", createdAt: at(-3), deadline: null, lastName: "Petit" });
  await add(a, { number: "2611220900OVERD", status: "WaitingForShipmentAcceptation", createdAt: at(-120), deadline: at(-2), lastName: "Martin", shippingCode: "TRK", amount: "99.90", skus: ["MUG-CERAM"] });
  await add(a, { number: "2611261000LATER", status: "WaitingForShipmentAcceptation", createdAt: at(-24), deadline: at(30), lastName: "DUBOIS", shippingCode: "REG", skus: ["THE-VERT-100"] });
  await add(a, { number: "2611190200CANCL", status: "CancelledByCustomer", createdAt: at(-200), deadline: at(-100), lastName: "Leroy" });
  await add(a, { number: "2611250800OTHER", status: "Other", createdAt: at(-50), lastName: "Moreau" });
  for (let i = 0; i < SHIPPED_COUNT; i++) {
    // Groups of ten share a date, amounts repeat, every fifth deadline is missing: ties everywhere.
    const createdAt = new Date(Date.UTC(2026, 10, 10 + (i % 7), 9, 0, 0));
    await add(a, {
      number: `2611${String(i).padStart(3, "0")}SHIP`,
      status: i % 9 === 0 ? "PickedUp" : "Shipped",
      createdAt,
      deadline: i % 5 === 0 ? null : new Date(createdAt.getTime() + (i % 3) * 24 * HOUR),
      lastName: i === 7 ? "Dupont" : i === 8 ? "DUPONT" : SHIPPED_NAMES[i % 3]!,
      amount: ["15.00", "29.90", "29.90", "120.00"][i % 4]!,
      shippingCode: i % 3 === 0 ? "TRK" : "STD",
      fulfillmentType: i % 10 === 0 ? "MKPFBC" : i % 10 === 1 ? "EXTFBC" : null,
      tracking: `6A${1000 + i}`,
      skus: i === 12 ? ["CAFE-1KG", `SKU-${i % 4}`] : [`SKU-${i % 4}`],
    });
  }
  // 00:30 in Paris on the 20th, and on the 21st: the day filter counts Paris days.
  await add(a, { number: "2611200030PARIS", status: "Shipped", createdAt: new Date("2026-11-19T23:30:00Z"), lastName: "Richard" });
  await add(a, { number: "2611210030PARIS", status: "Shipped", createdAt: new Date("2026-11-20T23:30:00Z"), lastName: "Richard" });

  await add(b, { number: "2611270930SHOPB", status: "WaitingForSellerAcceptation", createdAt: at(-0.5), deadline: at(10), lastName: "Dupont" });
  await add(c, { number: "2611270950OTHER", status: "WaitingForSellerAcceptation", createdAt: at(-0.2), deadline: at(1), lastName: "Dupont", tracking: "6A1007", skus: ["CAFE-1KG"] });

  const action = (shopId: string, orderId: string, kind: "ACCEPT" | "SHIP", status: "FAILED" | "PENDING", createdAt: Date, lastError: string | null = null, result?: Prisma.InputJsonObject) =>
    db.marketplaceAction.create({
      data: { shopId, orderId, kind, status, createdAt, idempotencyKey: `${orderId}-${createdAt.getTime()}`, payload: {}, requestedById: alice.id, lastError, result, attempts: 1, completedAt: status === "FAILED" ? createdAt : null },
    });
  const refusal = "Le numéro de suivi est invalide pour ce transporteur";
  const failedShip = await action(a, id["2611220900OVERD"]!, "SHIP", "FAILED", at(-3), refusal, { failure: { reason: "refused", message: refusal } });
  await action(a, id["2611261000LATER"]!, "SHIP", "FAILED", at(-5), "Erreur");
  await action(a, id["2611261000LATER"]!, "SHIP", "PENDING", at(-1));
  await action(a, id["2611190200CANCL"]!, "ACCEPT", "FAILED", at(-150), "Trop tard");
  await action(c, id["2611270950OTHER"]!, "ACCEPT", "FAILED", at(-0.1), "Erreur");

  const overdue = id["2611220900OVERD"]!;
  await db.orderEvent.createMany({
    data: [
      { orderId: overdue, kind: MARKETPLACE_STATE_CHANGE, occurredAt: at(-120), toStatus: "WaitingForSellerAcceptation", data: { marketplaceState: "WaitingForSellerAcceptation" } },
      { orderId: overdue, kind: MARKETPLACE_STATE_CHANGE, occurredAt: at(-100), fromStatus: "WaitingForSellerAcceptation", toStatus: "WaitingForShipmentAcceptation", data: { marketplaceState: "WaitingForShipmentAcceptation" } },
      { orderId: overdue, kind: ORDER_ACTION_EVENT.requested, occurredAt: at(-3), actorId: alice.id, data: { actionId: failedShip.id, action: "ship" } },
      // Recorded before the outbox kept why an attempt failed.
      { orderId: overdue, kind: ORDER_ACTION_EVENT.marketplaceError, occurredAt: at(-2.5), message: "Service momentanément indisponible", data: { actionId: failedShip.id, action: "ship", retryAt: at(-2.4).toISOString() } },
      { orderId: overdue, kind: ORDER_ACTION_EVENT.failed, occurredAt: at(-2), actorId: alice.id, message: "Le numéro de suivi est invalide pour ce transporteur", data: { actionId: failedShip.id } },
    ],
  });
  await db.orderNote.create({ data: { orderId: overdue, authorId: alice.id, body: "Client appelé", createdAt: at(-1) } });

  await db.syncRun.createMany({
    data: [
      { shopId: a, kind: "INCREMENTAL", status: "FAILED", startedAt: at(-5), finishedAt: at(-5), error: "timeout" },
      { shopId: a, kind: "INCREMENTAL", status: "SUCCEEDED", startedAt: at(-1), finishedAt: at(-1), unreadableCount: 1, error: "unreadable orders: X (bad date)" },
      { shopId: b, kind: "INCREMENTAL", status: "FAILED", startedAt: at(-5), finishedAt: at(-5), error: "timeout" },
      { shopId: b, kind: "INCREMENTAL", status: "SUCCEEDED", startedAt: at(-1), finishedAt: at(-1) },
      { shopId: b, kind: "INCREMENTAL", status: "RUNNING", startedAt: at(-0.1) },
    ],
  });

  // The cap: COUNT_CAP + 1 copies of one order, in a shop of their own.
  const template = await createOrder(db, d, { number: "TEMPLATE", status: "WaitingForSellerAcceptation", createdAt: at(-1) });
  await db.$executeRaw`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${COUNT_CAP})
    INSERT INTO "Order" ("id", "shopId", "orderNumber", "marketplaceState", "status", "bucket", "initialTotalAmount", "initialTotalShippingChargesAmount", "validatedTotalAmount", "validatedTotalShippingCharges", "shippedTotalAmount", "shippedTotalShippingCharges", "siteCommissionPromisedAmount", "siteCommissionValidatedAmount", "siteCommissionShippedAmount", "marketplaceCreatedAt", "shippingDateMax", "shippingCode", "updatedAt")
    SELECT 'copy-' || seq.i, o."shopId", 'COPY' || seq.i, o."marketplaceState", o."status", o."bucket", o."initialTotalAmount", o."initialTotalShippingChargesAmount", o."validatedTotalAmount", o."validatedTotalShippingCharges", o."shippedTotalAmount", o."shippedTotalShippingCharges", o."siteCommissionPromisedAmount", o."siteCommissionValidatedAmount", o."siteCommissionShippedAmount", o."marketplaceCreatedAt", o."shippingDateMax", o."shippingCode", o."updatedAt"
    FROM seq CROSS JOIN "Order" o WHERE o."id" = ${template}`;

  return { shops: { a, b, c, d }, id, alice };
}

type Fixture = Awaited<ReturnType<typeof seedFixture>>;

/** Sort values compared as the queue means them: numbers for amounts, a missing deadline as "never". */
function compareValues(sort: QueueParams["sort"], x: QueueRow, y: QueueRow): number {
  const value = (row: QueueRow) =>
    sort === "date" ? row.marketplaceCreatedAt : sort === "number" ? row.orderNumber : sort === "amount" ? Number(row.amount) : (row.shippingDateMax ?? "9999");
  const [a, b] = [value(x), value(y)];
  return a < b ? -1 : a > b ? 1 : 0;
}

function queueSuite(connect: () => Promise<Db>) {
  let db: Db;
  let f: Fixture;
  let current: string[];

  beforeAll(async () => {
    db = await connect();
    f = await seedFixture(db);
    current = [f.shops.a];
  }, 180_000);

  const list = (query: string, shopIds = current) => listQueue(db, { shopIds, params: params(query), now: NOW });
  const numbers = async (query: string, shopIds = current) => (await list(query, shopIds)).rows.map((r) => r.orderNumber);
  const allRows = async (query: string) => (await list(`${query}&size=100`)).rows;

  describe("views", () => {
    it("lists each bucket's orders, and only them", async () => {
      expect((await numbers("view=NEW")).sort()).toEqual(["2611270700NODLN", "2611270800PAYIN", "2611271000ACCPT"]);
      expect((await numbers("view=WAITING_SHIPMENT")).sort()).toEqual(["2611220900OVERD", "2611261000LATER"]);
      expect(await numbers("view=CANCELED")).toEqual(["2611190200CANCL"]);
      expect(await numbers("view=OTHER")).toEqual(["2611250800OTHER"]);
      const shipped = await allRows("view=SHIPPED");
      expect(shipped).toHaveLength(SHIPPED_COUNT + 2);
      expect(new Set(shipped.map((r) => r.bucket))).toEqual(new Set(["SHIPPED"]));
    });

    it("late: open orders past their deadline or within 24 hours of it, most urgent first", async () => {
      const rows = (await list("view=late")).rows;
      expect(rows.map((r) => [r.orderNumber, r.deadline])).toEqual([
        ["2611220900OVERD", "overdue"],
        ["2611270800PAYIN", "dueSoon"],
      ]);
      // Not late: 30 hours left, no deadline at all, or no longer open (shipped or cancelled past their deadline).
      const accept = (await list("view=NEW&sort=number")).rows.find((r) => r.orderNumber === "2611270700NODLN");
      expect(accept?.deadline).toBeNull();
    });

    it("needs attention: the latest action failed and the status still allows it", async () => {
      const rows = (await list("view=attention")).rows;
      // LATER's failure was superseded by a pending retry; CANCL's refused accept is moot now.
      expect(rows.map((r) => r.orderNumber)).toEqual(["2611220900OVERD"]);
      expect(rows[0]!.actions).toEqual(["ship", "refuseShipment"]);
    });

    it("counts every view, the current filters applied", async () => {
      const counts = await countQueueViews(db, { shopIds: current, now: NOW, filters: params() });
      const plain = Object.fromEntries(Object.entries(counts).map(([view, c]) => [view, c.count]));
      expect(plain).toEqual({ NEW: 3, WAITING_SHIPMENT: 2, SHIPPED: SHIPPED_COUNT + 2, CANCELED: 1, OTHER: 1, late: 2, attention: 1 });
      const filtered = await countQueueViews(db, { shopIds: current, now: NOW, filters: params("shipping=TRK") });
      expect(filtered.WAITING_SHIPMENT).toEqual({ count: 1, capped: false });
      expect(filtered.SHIPPED.count).toBe(Array.from({ length: SHIPPED_COUNT }, (_, i) => i).filter((i) => i % 3 === 0).length);
      expect(filtered.late.count).toBe(1);
    });

    it("stops counting at the cap, and says so; a page's total is its view's count", async () => {
      const crowd = [f.shops.d];
      const counts = await countQueueViews(db, { shopIds: crowd, now: NOW, filters: params() });
      expect(counts.NEW).toEqual({ count: COUNT_CAP, capped: true });
      expect(counts.SHIPPED).toEqual({ count: 0, capped: false });
      // A filter tested on each order's row stops sooner.
      const filtered = await countQueueViews(db, { shopIds: crowd, now: NOW, filters: params("shipping=STD") });
      expect(filtered.NEW).toEqual({ count: FILTERED_COUNT_CAP, capped: true });
      const page = await listQueue(db, { shopIds: crowd, params: params("q=TEMPLATE"), now: NOW });
      expect(page.total).toEqual({ count: 1, capped: false });
      const loaded = await loadQueuePage(db, { shopIds: current, params: params("view=WAITING_SHIPMENT"), now: NOW });
      expect(loaded.total).toEqual(loaded.counts.WAITING_SHIPMENT);
      expect(loaded.rows).toHaveLength(2);
    });
  });

  describe("filters", () => {
    it("by status, within the view", async () => {
      expect(await numbers("view=NEW&status=PaymentInProgress")).toEqual(["2611270800PAYIN"]);
      expect((await allRows("view=SHIPPED&status=PickedUp")).map((r) => r.status)).toEqual(Array(8).fill("PickedUp"));
    });

    it("by shipping mode", async () => {
      expect(await numbers("view=WAITING_SHIPMENT&shipping=REG")).toEqual(["2611261000LATER"]);
      expect(await numbers("view=WAITING_SHIPMENT&shipping=REG,TRK")).toHaveLength(2);
    });

    it("by fulfillment: the seller's own, or one of Cdiscount's", async () => {
      const fbc = await allRows("view=SHIPPED&fulfillment=MKPFBC");
      expect(fbc.map((r) => r.fulfillmentType)).toEqual(Array(7).fill("MKPFBC"));
      expect(await allRows("view=SHIPPED&fulfillment=EXTFBC")).toHaveLength(7);
      expect((await allRows("view=SHIPPED&fulfillment=SELLER")).every((r) => r.fulfillmentType === null)).toBe(true);
      expect(await allRows("view=SHIPPED&fulfillment=SELLER")).toHaveLength(SHIPPED_COUNT + 2 - 14);
    });

    it("by date range, in Paris days, both ends included", async () => {
      expect(await numbers("view=SHIPPED&from=2026-11-20&to=2026-11-20")).toEqual(["2611200030PARIS"]);
      expect(await numbers("view=SHIPPED&from=2026-11-21")).toEqual(["2611210030PARIS"]);
      expect(await allRows("view=SHIPPED&to=2026-11-10")).toHaveLength(10);
    });

    it("combined, and counted the same way", async () => {
      const query = "view=SHIPPED&shipping=TRK&fulfillment=SELLER&from=2026-11-10&to=2026-11-12";
      const page = await list(query);
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.rows.every((r) => r.shippingCode === "TRK" && r.fulfillmentType === null && r.marketplaceCreatedAt < "2026-11-13")).toBe(true);
      expect(page.total.count).toBe(page.rows.length);
    });
  });

  describe("search", () => {
    it("by order number prefix, typed in any case", async () => {
      expect(await numbers("view=SHIPPED&q=2611007")).toEqual(["2611007SHIP"]);
      expect(await numbers("view=NEW&q=2611271000accpt")).toEqual(["2611271000ACCPT"]);
    });

    it("by customer last name prefix, as typed, capitalized or upper case", async () => {
      expect((await numbers("view=SHIPPED&q=dup")).sort()).toEqual(["2611007SHIP", "2611008SHIP"]);
      expect(await numbers("view=WAITING_SHIPMENT&q=dubois")).toEqual(["2611261000LATER"]);
    });

    it("by SKU on any line, exact or prefix", async () => {
      expect(await numbers("view=NEW&q=CAFE-1KG")).toEqual(["2611271000ACCPT"]);
      expect(await numbers("view=SHIPPED&q=cafe")).toEqual(["2611012SHIP"]);
      expect(await allRows("view=SHIPPED&q=SKU-1")).toHaveLength(Array.from({ length: SHIPPED_COUNT }, (_, i) => i).filter((i) => i % 4 === 1).length);
    });

    it("by tracking number, exact only", async () => {
      expect(await numbers("view=SHIPPED&q=6a1007")).toEqual(["2611007SHIP"]);
      expect(await numbers("view=SHIPPED&q=6A100")).toEqual([]);
    });

    it("counts where the matches are, view by view", async () => {
      const counts = await countQueueViews(db, { shopIds: current, now: NOW, filters: params("q=cafe") });
      expect([counts.NEW.count, counts.SHIPPED.count, counts.WAITING_SHIPMENT.count, counts.late.count]).toEqual([1, 1, 0, 0]);
    });

    it("never finds an order by a name its status hides", async () => {
      expect(await numbers("view=NEW&q=secret")).toEqual([]);
    });
  });

  describe("sorting and pagination", () => {
    const cases = QUEUE_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => ({ sort, dir })));

    it.each(cases)("sorts SHIPPED by $sort $dir, ties broken the same way on every page", async ({ sort, dir }) => {
      const query = `view=SHIPPED&sort=${sort}&dir=${dir}`;
      const all = await allRows(query);
      expect(all).toHaveLength(SHIPPED_COUNT + 2);
      for (let i = 1; i < all.length; i++) expect(compareValues(sort, all[i - 1]!, all[i]!) * (dir === "asc" ? 1 : -1)).toBeLessThanOrEqual(0);

      // Forward, 25 at a time: the same rows, no duplicate, no gap.
      const forward: QueueRow[] = [];
      let p = params(`${query}&size=25`);
      for (let guard = 0; guard < 10; guard++) {
        const page = await listQueue(db, { shopIds: current, params: p, now: NOW });
        forward.push(...page.rows);
        if (!page.nextCursor) break;
        p = changeQueueParams(p, { after: page.nextCursor });
      }
      expect(forward.map((r) => r.id)).toEqual(all.map((r) => r.id));

      // Backward from the last page, with `before`: the same rows again.
      const backward: QueueRow[] = [];
      for (let guard = 0; guard < 10; guard++) {
        const page = await listQueue(db, { shopIds: current, params: p, now: NOW });
        backward.unshift(...page.rows);
        if (!page.prevCursor) break;
        p = changeQueueParams(p, { before: page.prevCursor });
      }
      expect(backward.map((r) => r.id)).toEqual(all.map((r) => r.id));
    });

    it("walks backward page by page to the first page", async () => {
      const query = "view=SHIPPED&size=25";
      const first = await list(query);
      const second = await list(`${query}&after=${first.nextCursor}`);
      expect(second.prevCursor).not.toBeNull();
      const back = await list(`${query}&before=${second.prevCursor}`);
      expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      expect(back.prevCursor).toBeNull();
    });

    it("starts over on a cursor it cannot read or from another sort", async () => {
      const first = await list("view=SHIPPED&size=25");
      expect((await list("view=SHIPPED&size=25&after=Zm9v")).rows).toEqual(first.rows);
      expect((await list(`view=SHIPPED&size=25&sort=amount&after=${first.nextCursor}`)).rows).toEqual((await list("view=SHIPPED&size=25&sort=amount")).rows);
    });

    it("merges several shops into one order", async () => {
      const both = [f.shops.a, f.shops.b];
      const rows = (await list("view=NEW&sort=date&dir=desc", both)).rows;
      expect(rows.map((r) => r.orderNumber)).toEqual(["2611270930SHOPB", "2611271000ACCPT", "2611270800PAYIN", "2611270700NODLN"]);
      const late = (await list("view=late", both)).rows.map((r) => r.orderNumber);
      expect(late).toEqual(["2611220900OVERD", "2611270930SHOPB", "2611270800PAYIN"]);
      const paged = await list("view=NEW&sort=date&dir=desc&size=25", both);
      expect(queueCursor("date", paged.rows[0]!)).toBeTypeOf("string");
    });
  });

  describe("privacy", () => {
    it("never returns the customer where the status hides it, even when stored", async () => {
      const rows = (await list("view=NEW")).rows;
      expect(rows.find((r) => r.orderNumber === "2611270800PAYIN")?.customer).toBeNull();
      expect(rows.find((r) => r.orderNumber === "2611271000ACCPT")?.customer).toEqual({ firstName: "Camille", lastName: "Dupont" });
      const detail = await getOrderDetail(db, { shopIds: current, orderId: f.id["2611270800PAYIN"]!, now: NOW });
      expect(detail).toMatchObject({ customer: null, shippingAddress: null, billingAddress: null, status: "PaymentInProgress" });
    });

    it("keeps other shops' orders out of lists, counts, searches and details", async () => {
      const other = f.id["2611270950OTHER"]!;
      for (const view of ["NEW", "late", "attention"] satisfies QueueView[]) expect((await list(`view=${view}`)).rows.map((r) => r.id)).not.toContain(other);
      expect(await numbers("view=NEW&q=dupont")).toEqual(["2611271000ACCPT"]);
      expect(await numbers("view=NEW&q=6A1007")).toEqual([]);
      expect(await getOrderDetail(db, { shopIds: current, orderId: other })).toBeNull();
      expect(await getOrderDetail(db, { shopIds: [], orderId: f.id["2611271000ACCPT"]! })).toBeNull();
      expect((await listQueue(db, { shopIds: [], params: params(), now: NOW })).rows).toEqual([]);
    });
  });

  describe("detail", () => {
    it("merges state changes, actions with who asked and why they failed, failed attempts and notes, oldest first", async () => {
      const detail = await getOrderDetail(db, { shopIds: current, orderId: f.id["2611220900OVERD"]!, now: NOW });
      expect(detail).toMatchObject({ orderNumber: "2611220900OVERD", status: "WaitingForShipmentAcceptation", deadline: "overdue", actions: ["ship", "refuseShipment"] });
      expect(detail!.lines.map((l) => l.sellerProductId)).toEqual(["MUG-CERAM"]);
      expect(detail!.amounts.initialTotal).toBe("99.90");
      expect(detail!.timeline.map((e) => e.type)).toEqual(["stateChange", "stateChange", "action", "marketplaceError", "note"]);
      expect(detail!.timeline[1]).toMatchObject({ fromStatus: "WaitingForSellerAcceptation", toStatus: "WaitingForShipmentAcceptation", at: at(-100).toISOString() });
      expect(detail!.timeline[2]).toMatchObject({
        action: "ship",
        status: "FAILED",
        requestedBy: { name: "Alice Martin", email: f.alice.email },
        failure: { reason: "refused", message: "Le numéro de suivi est invalide pour ce transporteur", attempts: 1 },
      });
      // A text stored without its reason is shown as recorded, never as Cdiscount's words.
      expect(detail!.timeline[3]).toMatchObject({ action: "ship", failure: { reason: "unrecorded", detail: "Service momentanément indisponible" } });
      expect(detail!.timeline[4]).toMatchObject({ body: "Client appelé", author: { name: "Alice Martin" } });
    });
  });

  describe("sync issues", () => {
    it("lists the shops whose latest finished run failed or left orders unread", async () => {
      const issues = await listSyncIssues(db, { shopIds: [f.shops.a, f.shops.b, f.shops.c] });
      expect(issues).toEqual([expect.objectContaining({ shopId: f.shops.a, status: "SUCCEEDED", unreadableCount: 1 })]);
    });
  });
}

describe("order queue on SQLite", () => {
  queueSuite(async () => getDb());
});

warnIfPostgresSkipped("queue");

describe.skipIf(!postgresTestAvailable)("order queue on PostgreSQL", () => {
  const postgres = postgresTestDatabase("queue_test");
  queueSuite(async () => (await postgres.open()).db);
  afterAll(() => postgres.close());
});
