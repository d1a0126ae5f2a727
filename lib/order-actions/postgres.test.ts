// The outbox's races on PostgreSQL, where transactions run side by side (on SQLite they
// take turns): the unique keys, the claims, and jsonb's own key order. A throwaway
// cluster from the system's binaries, or TEST_DATABASE_URL; the sandbox over HTTP.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "@/lib/testing/postgres-database";
import { startTestSandbox } from "@/lib/cdiscount/testing";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { Actor } from "@/lib/auth/access";
import { dispatchMarketplaceActions } from "./dispatch-marketplace-actions";
import { enqueueOrderAction } from "./enqueue-order-action";
import { runOrderAction } from "./run-order-action";
import { awaitingShipment, createTestShop, seedStoredOrders } from "./testing";

warnIfPostgresSkipped("order-action");

describe.skipIf(!postgresTestAvailable)("order actions on PostgreSQL", () => {
  const postgres = postgresTestDatabase("order_actions_test");
  let db: Db;
  let sandbox: SandboxProcess;
  let seller: Actor;
  let shopCount = 0;
  const newShop = () => createTestShop(db, sandbox, seller, `pg-actions-${++shopCount}-api`);

  beforeAll(async () => {
    process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
    ({ db } = await postgres.open());
    sandbox = await startTestSandbox(["--seed", "37"]);
    process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
    const user = await db.user.create({ data: { email: "seller@pg.test", name: "Seller", passwordHash: "unused" } });
    seller = { id: user.id, email: user.email, name: user.name };
  }, 180_000);
  afterAll(async () => {
    await sandbox?.stop();
    await postgres.close();
  });

  it("the same key twice at once, and two tabs shipping the same parcel, each make one marketplace call", async () => {
    const shop = await newShop();
    const [clicked, tabbed] = await seedStoredOrders(db, sandbox, shop, 2, awaitingShipment("TRK"));
    const ship = (orderId: string, idempotencyKey = randomUUID()) =>
      runOrderAction(db, { access: shop.access, input: { action: "ship", orderId, idempotencyKey, carrierName: "GLS", trackingNumber: `GLS${orderId.slice(0, 6)}`, trackingUrl: "https://gls-group.eu/FR/fr/suivi-colis" } });

    const key = randomUUID();
    const [first, second] = await Promise.all([ship(clicked!.id, key), ship(clicked!.id, key)]);
    // Both requests answer Shipped, whichever sent and whichever waited for the outcome.
    expect(first).toMatchObject({ status: "succeeded", orderStatus: "Shipped" });
    expect({ ...second, created: null }).toEqual({ ...first, created: null });
    expect([first.created, second.created].sort()).toEqual([false, true]);
    // jsonb reorders the stored payload's keys: the second tab still recognises the same shipment.
    const [tabA, tabB] = await Promise.all([ship(tabbed!.id), ship(tabbed!.id)]);
    expect(tabA).toMatchObject({ status: "succeeded", orderStatus: "Shipped" });
    expect({ ...tabB, created: null }).toEqual({ ...tabA, created: null });

    const calls = await sandbox.admin.calls(shop.login, "ValidateOrderList");
    expect(calls.flatMap((c) => (c.detail as { orderNumber: string }[]).map((d) => d.orderNumber))).toEqual([clicked!.orderNumber, tabbed!.orderNumber]);
    expect(await db.marketplaceAction.count({ where: { shopId: shop.shopId } })).toBe(2);
    expect((await db.order.findUniqueOrThrow({ where: { id: clicked!.id } })).status).toBe("Shipped");
  });

  it("dispatchers racing for the same actions send each one once", async () => {
    const shop = await newShop();
    const orders = await seedStoredOrders(db, sandbox, shop, 6);
    const actionIds: string[] = [];
    for (const o of orders) {
      actionIds.push((await enqueueOrderAction(db, { access: shop.access, input: { action: "accept", orderId: o.id, idempotencyKey: randomUUID() } })).actionId);
    }
    const reports = await Promise.all([1, 2, 3].map(() => dispatchMarketplaceActions(db, { actionIds })));
    expect(reports.flatMap((r) => r.claimed).sort()).toEqual([...actionIds].sort());
    expect(reports.reduce((n, r) => n + r.succeeded, 0)).toBe(6);

    const sent = (await sandbox.admin.calls(shop.login, "ValidateOrderList")).flatMap((c) => (c.detail as { orderNumber: string }[]).map((d) => d.orderNumber));
    expect(sent.sort()).toEqual(orders.map((o) => o.orderNumber).sort());
    expect(await db.marketplaceAction.count({ where: { id: { in: actionIds }, status: "SUCCEEDED", attempts: 1 } })).toBe(6);
  });
});
