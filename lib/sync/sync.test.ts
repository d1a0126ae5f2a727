// The sync engine against the sandbox over HTTP, on a real SQLite store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { startTestSandbox, testClient } from "@/lib/cdiscount/testing";
import { validateOrderFor } from "@/lib/cdiscount/validate-order";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { MarketplaceOrder } from "@/lib/cdiscount/types";
import { syncShop } from "./sync-shop";
import { storeDifferences } from "./testing";
import { acquireLease } from "./lease";
import { OrderWriter } from "./order-writer";
import { toOrderRecord } from "./order-record";
import { HOUR, DAY } from "./windows";

setupTestDatabase();
let sandbox: SandboxProcess;
let shopCount = 0;

beforeAll(async () => {
  sandbox = await startTestSandbox(["--seed", "11"]);
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await sandbox.admin.clearFaults();
});

/** A shop of its own per test: its own sandbox account, store rows and cursor. */
async function newShop(seed: number, days = 5) {
  const login = `sync-${++shopCount}-api`;
  await sandbox.admin.createAccount(login, "pw");
  if (seed) await sandbox.admin.seed(login, seed, { days });
  const shop = await db.shop.create({ data: { name: login, apiLogin: login, apiPasswordEncrypted: "unused", initialImportDays: days + 1 } });
  return { login, shopId: shop.id, client: testClient(sandbox.url, login, "pw", { timeoutMs: 1_500 }) };
}

const sandboxNow = async () => new Date((await sandbox.admin.health()).now);
const marketplace = async (login: string) => (await sandbox.admin.state(login)).orders;

async function sync(shop: Awaited<ReturnType<typeof newShop>>, opts: Partial<Parameters<typeof syncShop>[2]> = {}) {
  return syncShop(db, shop.shopId, { kind: "INCREMENTAL", client: shop.client, now: await sandboxNow(), ...opts });
}

describe("sync", () => {
  it("a first import equals the sandbox, field by field; other partners' orders are skipped", async () => {
    const shop = await newShop(120);
    const result = await sync(shop);
    expect(result.status).toBe("SUCCEEDED");
    const orders = await marketplace(shop.login);
    expect(await storeDifferences(db, shop.shopId, orders)).toEqual([]);
    if (!("runId" in result)) throw new Error(result.status);
    expect(result.counts.skippedCount).toBe(orders.filter((o) => o.corporationCode !== "CDSB2C").length);
    expect(result.counts.skippedCount).toBeGreaterThan(0);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: "INITIAL_IMPORT", status: "SUCCEEDED", newCount: result.counts.newCount });
    expect(run.windowsDone).toBe(run.windowsTotal);
    // Every stored order has its first state on its timeline, with the marketplace's time.
    const events = await db.orderEvent.findMany({ where: { order: { shopId: shop.shopId } } });
    expect(events.length).toBe(await db.order.count({ where: { shopId: shop.shopId } }));
  });

  it("an incremental run picks up changes only, and overlapping runs never duplicate", async () => {
    const shop = await newShop(60);
    await sync(shop);
    const ordersBefore = await db.order.count({ where: { shopId: shop.shopId } });
    const eventsBefore = await db.orderEvent.count({ where: { order: { shopId: shop.shopId } } });

    const waiting = (await marketplace(shop.login)).filter((o) => o.orderState === "WaitingForSellerAcceptation").slice(0, 2);
    expect(waiting.length).toBe(2);
    await sandbox.admin.advanceClock(HOUR);
    await shop.client.validateOrders(waiting.map((o) => validateOrderFor(o, "AcceptedBySeller")));
    const result = await sync(shop);
    if (!("runId" in result)) throw new Error(result.status);
    expect(result.counts.newCount).toBe(0);
    expect(result.counts.updatedCount).toBeGreaterThanOrEqual(2);
    for (const o of waiting) {
      expect((await db.order.findFirstOrThrow({ where: { shopId: shop.shopId, orderNumber: o.orderNumber } })).status).toBe("AcceptedBySeller");
    }
    expect(await storeDifferences(db, shop.shopId, await marketplace(shop.login))).toEqual([]);

    const again = await sync(shop);
    if (!("runId" in again)) throw new Error(again.status);
    expect(again.counts).toMatchObject({ newCount: 0, updatedCount: 0 });
    expect(again.counts.unchangedCount).toBeGreaterThan(0);
    expect(await db.order.count({ where: { shopId: shop.shopId } })).toBe(ordersBefore);
    const eventsAfter = await db.orderEvent.count({ where: { order: { shopId: shop.shopId } } });
    expect(eventsAfter - eventsBefore).toBe(result.counts.updatedCount);
  });

  it("the daily sweep reads the last 5 days and leaves the cursor alone", async () => {
    const shop = await newShop(30);
    await sync(shop);
    const before = await db.syncState.findUniqueOrThrow({ where: { shopId: shop.shopId } });
    await sandbox.admin.advanceClock(60_000);
    const sweep = await sync(shop, { kind: "DAILY_SWEEP" });
    if (!("runId" in sweep)) throw new Error(sweep.status);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: sweep.runId } });
    expect(run.windowTo!.getTime() - run.windowFrom!.getTime()).toBe(5 * DAY);
    const state = await db.syncState.findUniqueOrThrow({ where: { shopId: shop.shopId } });
    expect(state.cursor).toEqual(before.cursor);
    expect(state.lastSweepAt!.getTime()).toBeGreaterThan(before.lastSweepAt!.getTime());
  });

  it("derives line-level statuses and keeps unknown states as Other", async () => {
    const shop = await newShop(0);
    const { orderNumbers } = await sandbox.admin.seed(shop.login, 2, { kind: "seller", state: "fresh" });
    const [pending, blocked] = await Promise.all(orderNumbers.map((n) => sandbox.admin.order(shop.login, n)));
    const p = pending as { order: MarketplaceOrder; plan: { next: unknown } };
    p.order.orderState = "WaitingForShipmentAcceptation";
    p.order.lines[0]!.acceptationState = "CancellationRequestPending";
    p.plan.next = null;
    const b = blocked as { order: MarketplaceOrder; plan: { next: unknown } };
    b.order.orderState = "BlockedFraudSuspicion";
    b.plan.next = null;
    await sandbox.admin.putOrder(shop.login, p);
    await sandbox.admin.putOrder(shop.login, b);
    await sync(shop);
    const stored = await db.order.findMany({ where: { shopId: shop.shopId }, orderBy: { orderNumber: "asc" } });
    const byNumber = Object.fromEntries(stored.map((o) => [o.orderNumber, o]));
    expect(byNumber[p.order.orderNumber]).toMatchObject({ status: "CancellationRequestPending", bucket: "CANCELED", marketplaceState: "WaitingForShipmentAcceptation" });
    expect(byNumber[b.order.orderNumber]).toMatchObject({ status: "Other", bucket: "OTHER", marketplaceState: "BlockedFraudSuspicion" });
  });

  it("splits a window whose answer is too large, and still converges", async () => {
    const shop = await newShop(80);
    await sandbox.admin.configure({ maxOrdersPerResponse: 15 });
    try {
      const result = await sync(shop, { settings: { sliceMs: 3 * DAY } });
      expect(result.status).toBe("SUCCEEDED");
      if (!("runId" in result)) throw new Error(result.status);
      const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId } });
      expect((run.windows as { split?: boolean }[]).some((w) => w.split)).toBe(true);
      expect(await storeDifferences(db, shop.shopId, await marketplace(shop.login))).toEqual([]);
    } finally {
      await sandbox.admin.configure({ maxOrdersPerResponse: 20_000 });
    }
  });

  it("keeps answers near the target size by shortening the slices that follow a large one", async () => {
    const shop = await newShop(120);
    const result = await sync(shop, { settings: { sliceMs: DAY, targetOrdersPerSlice: 10 } });
    if (!("runId" in result)) throw new Error(result.status);
    const run = await db.syncRun.findUniqueOrThrow({ where: { id: result.runId } });
    const windows = run.windows as { from: string; to: string; orders: number }[];
    const lengths = windows.map((w) => new Date(w.to).getTime() - new Date(w.from).getTime());
    expect(Math.min(...lengths)).toBeLessThan(DAY);
    expect(run.windowsDone).toBe(run.windowsTotal);
    expect(await storeDifferences(db, shop.shopId, await marketplace(shop.login))).toEqual([]);
  });

  it("one syncer per shop: a held lease makes another run step aside", async () => {
    const shop = await newShop(5);
    await db.syncState.create({ data: { shopId: shop.shopId } });
    expect(await acquireLease(db, shop.shopId, "other-instance", 60_000)).toBe(true);
    expect((await sync(shop)).status).toBe("BUSY");
    expect(await db.syncRun.count({ where: { shopId: shop.shopId } })).toBe(0);
    // An expired lease (a crashed syncer) is taken over.
    await db.syncState.update({ where: { shopId: shop.shopId }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect((await sync(shop)).status).toBe("SUCCEEDED");
  });

  it("a run another syncer did meanwhile is not run again: decided anew under the lease, nothing asked of Cdiscount", async () => {
    const shop = await newShop(5);
    await sync(shop);
    const listsBefore = (await sandbox.admin.calls(shop.login, "GetOrderList")).length;
    const runsBefore = await db.syncRun.count({ where: { shopId: shop.shopId } });
    let askedHoldingLease = false;
    const result = await sync(shop, {
      kind: "DAILY_SWEEP",
      stillDue: async () => {
        askedHoldingLease = (await db.syncState.findUniqueOrThrow({ where: { shopId: shop.shopId } })).leaseOwner !== null;
        return false;
      },
    });
    expect(result.status).toBe("NOT_DUE");
    expect(askedHoldingLease).toBe(true);
    expect(await db.syncRun.count({ where: { shopId: shop.shopId } })).toBe(runsBefore);
    expect((await sandbox.admin.calls(shop.login, "GetOrderList")).length).toBe(listsBefore);
    // The lease is given back: the next run goes ahead.
    expect((await db.syncState.findUniqueOrThrow({ where: { shopId: shop.shopId } })).leaseOwner).toBeNull();
    expect((await sync(shop, { kind: "DAILY_SWEEP", stillDue: async () => true })).status).toBe("SUCCEEDED");
  });

  it("an older version never overwrites a newer one", async () => {
    const shop = await newShop(3);
    await sync(shop);
    const [first] = await marketplace(shop.login);
    const order = JSON.parse(JSON.stringify(first), (k, v) => (/Date(Max|Min)?$|^creationDate$/.test(k) && typeof v === "string" ? new Date(v) : v)) as MarketplaceOrder;
    const newer = { ...order, orderState: "Shipped", lastUpdatedDate: new Date(Date.now() + DAY) };
    const writer = new OrderWriter(db);
    expect(await writer.write(shop.shopId, [toOrderRecord(newer)])).toMatchObject({ updatedCount: 1 });
    expect(await writer.write(shop.shopId, [toOrderRecord(order)])).toMatchObject({ updatedCount: 0, unchangedCount: 1 });
    expect((await db.order.findFirstOrThrow({ where: { shopId: shop.shopId, orderNumber: order.orderNumber } })).marketplaceState).toBe("Shipped");
  });
});

describe("sync under every sandbox fault, in the middle of a run", () => {
  const FAULTS = [
    ["http500", undefined],
    ["latency", { ms: 2_000 }],
    ["soapFault", undefined],
    ["tokenInvalid", undefined],
    ["malformedXml", undefined],
    ["truncatedXml", undefined],
    ["quota", undefined],
  ] as const;

  for (const [kind, params] of FAULTS) {
    it(`${kind}: the run stops or recovers, and the next run converges`, async () => {
      const shop = await newShop(40);
      let slices = 0;
      const first = await sync(shop, {
        settings: { sliceMs: DAY },
        onSliceCommitted: async () => {
          // A lasting fault from a later slice on (the next one is already fetched):
          // beyond what the client retries.
          if (++slices === 2) await sandbox.admin.addFault({ kind, login: shop.login, operation: "GetOrderList", count: 6, params });
        },
      });
      expect(["SUCCEEDED", "FAILED"]).toContain(first.status);
      if (first.status === "FAILED") expect(first.error).toBeTruthy();
      // The fault was really met by the run.
      const left = (await sandbox.admin.faults()).find((f) => f.kind === kind)?.remaining ?? 0;
      expect(left).toBeLessThan(6);
      await sandbox.admin.clearFaults();
      const second = await sync(shop);
      expect(second.status).toBe("SUCCEEDED");
      expect(await storeDifferences(db, shop.shopId, await marketplace(shop.login))).toEqual([]);
    }, 60_000);
  }

  it("stsHtml on the token: the run fails clearly, then converges", async () => {
    const shop = await newShop(20);
    await sandbox.admin.addFault({ kind: "stsHtml", login: shop.login, operation: "STS", count: 10 });
    const first = await sync(shop);
    expect(first).toMatchObject({ status: "FAILED" });
    if (first.status !== "FAILED") throw new Error("expected a failure");
    expect(first.error).toMatch(/HTML page/);
    await sandbox.admin.clearFaults();
    expect((await sync(shop)).status).toBe("SUCCEEDED");
    expect(await storeDifferences(db, shop.shopId, await marketplace(shop.login))).toEqual([]);
  });
});
