// The sync's raw SQL and lease on PostgreSQL (the engine chosen by DATABASE_URL in
// production): a throwaway cluster from the system's binaries, or TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "@/lib/testing/postgres-database";
import { Random } from "@/lib/cdiscount/sandbox/random";
import { createOrder, DEFAULT_TIMINGS } from "@/lib/cdiscount/sandbox/lifecycle";
import { OrderWriter } from "./order-writer";
import { toOrderRecord } from "./order-record";
import { acquireLease, releaseLease, renewLease } from "./lease";

warnIfPostgresSkipped("sync");

describe.skipIf(!postgresTestAvailable)("sync on PostgreSQL", () => {
  const postgres = postgresTestDatabase("sync_test");
  let db: Db;
  let shopId: string;

  beforeAll(async () => {
    ({ db } = await postgres.open());
    shopId = (await db.shop.create({ data: { name: "PG", apiLogin: "pg-api", apiPasswordEncrypted: "x" } })).id;
  }, 180_000);
  afterAll(() => postgres.close());

  it("writes orders, lines and events with exact amounts and dates, then updates only newer versions", async () => {
    const rng = new Random(3);
    const orders = Array.from({ length: 40 }, () => createOrder(rng, { now: Date.now(), timings: DEFAULT_TIMINGS, kind: "seller" }).order);
    const writer = new OrderWriter(db);
    expect(await writer.write(shopId, orders.map(toOrderRecord))).toEqual({ newCount: 40, updatedCount: 0, unchangedCount: 0 });
    const first = orders[0]!;
    const stored = await db.order.findFirstOrThrow({ where: { shopId, orderNumber: first.orderNumber }, include: { lines: { orderBy: { position: "asc" } }, events: true } });
    expect(stored.initialTotalAmount.toString()).toBe(String(Number(first.initialTotalAmount)));
    expect(stored.marketplaceCreatedAt.toISOString()).toBe(first.creationDate.toISOString());
    expect(stored.shippingAddress).toEqual(first.shippingAddress);
    expect(stored.lines.map((l) => l.sellerProductId)).toEqual(first.lines.map((l) => l.sellerProductId || null));
    expect(stored.events).toHaveLength(1);

    const newer = { ...first, orderState: "AcceptedBySeller", lastUpdatedDate: new Date(first.creationDate.getTime() + 60_000) };
    expect(await writer.write(shopId, [toOrderRecord(newer)])).toEqual({ newCount: 0, updatedCount: 1, unchangedCount: 0 });
    expect(await writer.write(shopId, [toOrderRecord(first)])).toEqual({ newCount: 0, updatedCount: 0, unchangedCount: 1 });
    const after = await db.order.findFirstOrThrow({ where: { shopId, orderNumber: first.orderNumber }, include: { events: true } });
    expect(after.status).toBe("AcceptedBySeller");
    expect(after.events).toHaveLength(2);
  });

  it("gives the lease to one syncer at a time", async () => {
    expect(await acquireLease(db, shopId, "a", 60_000)).toBe(true);
    expect(await acquireLease(db, shopId, "b", 60_000)).toBe(false);
    expect(await renewLease(db, shopId, "b", 60_000)).toBe(false);
    await releaseLease(db, shopId, "a");
    const contenders = await Promise.all(["c", "d", "e", "f"].map((owner) => acquireLease(db, shopId, owner, 60_000)));
    expect(contenders.filter(Boolean)).toHaveLength(1);
  });
});
