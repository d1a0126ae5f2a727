// The writer's line handling on SQLite: a newer version of an order rewrites its lines in
// place and drops those it no longer has; an older version changes nothing.
import { describe, expect, it } from "vitest";
import { createOrder, DEFAULT_TIMINGS } from "@/lib/cdiscount/sandbox/lifecycle";
import { Random } from "@/lib/cdiscount/sandbox/random";
import { getDb } from "@/lib/db/client";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { toOrderRecord } from "./order-record";
import { OrderWriter } from "./order-writer";

setupTestDatabase();

describe("OrderWriter lines", () => {
  it("updates lines in place, removes the ones gone, and ignores an older version", async () => {
    const db = getDb();
    const shop = await db.shop.create({ data: { name: "W", apiLogin: "w-api", apiPasswordEncrypted: "x" } });
    const order = createOrder(new Random(5), { now: Date.UTC(2026, 10, 20), timings: DEFAULT_TIMINGS, kind: "seller" }).order;
    order.lines = [order.lines[0]!, { ...order.lines[0]!, rowId: 2, sellerProductId: "SKU-B" }, { ...order.lines[0]!, rowId: 3, sellerProductId: "SKU-C" }];
    const writer = new OrderWriter(db);
    try {
      await writer.write(shop.id, [toOrderRecord(order)]);
      const before = await db.orderLine.findMany({ orderBy: { position: "asc" } });
      expect(before.map((l) => l.sellerProductId)).toEqual([order.lines[0]!.sellerProductId, "SKU-B", "SKU-C"]);

      const newer = structuredClone(order);
      newer.lastUpdatedDate = new Date(order.lastUpdatedDate!.getTime() + 60_000);
      newer.lines = [{ ...order.lines[0]!, quantity: 7 }, { ...order.lines[1]!, sellerProductId: "SKU-B2" }];
      expect(await writer.write(shop.id, [toOrderRecord(newer)])).toMatchObject({ updatedCount: 1 });
      const after = await db.orderLine.findMany({ orderBy: { position: "asc" } });
      expect(after.map((l) => [l.sellerProductId, l.quantity])).toEqual([
        [order.lines[0]!.sellerProductId, 7],
        ["SKU-B2", order.lines[0]!.quantity],
      ]);
      expect(after.map((l) => l.id)).toEqual(before.slice(0, 2).map((l) => l.id));

      expect(await writer.write(shop.id, [toOrderRecord(order)])).toMatchObject({ unchangedCount: 1 });
      expect(await db.orderLine.count()).toBe(2);
    } finally {
      await writer.close();
    }
  });
});
