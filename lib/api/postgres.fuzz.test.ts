// Issue 7 on PostgreSQL: the route handlers and the order action with fuzzed requests, on
// a throwaway cluster (or TEST_DATABASE_URL). PostgreSQL refuses what SQLite takes -- the
// character U+0000 in text and jsonb, years outside 1 to 294276, the ISO year 0000 -- so the
// property here is the one that differs between engines: never a 500, never an internal
// error. (The store and marketplace checks run on SQLite, in api.fuzz.test.ts and the
// actions' fuzz suites.)
import "@/lib/testing/mock-next-request";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { GET as listOrdersRoute } from "@/app/api/v1/orders/route";
import { GET as getOrderRoute } from "@/app/api/v1/orders/[orderId]/route";
import { POST as orderActionRoute } from "@/app/api/v1/orders/[orderId]/actions/route";
import { GET as queueRoute } from "@/app/api/orders/route";
import { GET as orderDetailRoute } from "@/app/api/orders/[orderId]/route";
import { orderActionAction } from "@/lib/order-actions/actions";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "@/lib/testing/postgres-database";
import { createFuzzWorld, ordersOf, signInAsCaller, type FuzzWorld } from "@/lib/testing/fuzz-world";
import { cursorOf, answerOf, expectWellFormed, pathId, request, routeParams, v1Query } from "@/lib/testing/fuzz-http";
import { expectExpectedResult, fuzzRuns, hostileString, queueSearch } from "@/lib/testing/fuzz";

warnIfPostgresSkipped("fuzz");

describe.skipIf(!postgresTestAvailable)("route handlers and an action on PostgreSQL under fuzzed requests [FUZZ]", () => {
  const postgres = postgresTestDatabase("fuzz_test");
  let world: FuzzWorld;

  beforeAll(async () => {
    process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
    const { db, url } = await postgres.open();
    // The handlers' own client (lib/db/client.ts) opens on first use: on this database.
    process.env.DATABASE_URL = url;
    world = await createFuzzWorld(db, 89);
  }, 180_000);
  afterAll(async () => {
    await world?.sandbox.stop();
    if (postgresTestAvailable) await getDb().$disconnect();
    await postgres.close();
  });

  it("never a 500 nor an internal error, whatever the ids, searches, cursors and dates", async () => {
    const ids = () => [...ordersOf(world.mine), ...ordersOf(world.foreign)].map((o) => o.id);
    const withNul = fc.constantFrom("a\u0000b", "\u0000", "x\u0000\u{10ffff}");
    const id = fc.oneof(pathId(ids), withNul);
    const requests = fc.oneof(
      v1Query.map((query) => () => listOrdersRoute(request(`/api/v1/orders?${query}`, { headers: { Authorization: `Bearer ${world.mine.token.secret}` } }))),
      id.map((id) => () => getOrderRoute(request("/api/v1/orders/x", { headers: { Authorization: `Bearer ${world.mine.token.secret}` } }), routeParams("orderId", id))),
      fc.tuple(id, fc.constantFrom('{"action":"accept"}', '{"action":"refund","lines":["a\\u0000"],"motive":"VendorRejection"}')).map(
        ([id, body]) =>
          () =>
            orderActionRoute(request("/api/v1/orders/x/actions", { method: "POST", headers: { Authorization: `Bearer ${world.mine.token.secret}`, "Idempotency-Key": "fuzz-key" }, body }), routeParams("orderId", id)),
      ),
      fc.oneof(queueSearch, withNul.map((q) => new URLSearchParams({ q }))).map((query) => () => queueRoute(request(`/api/orders?${query}`))),
      id.map((id) => () => orderDetailRoute(request("/api/orders/x"), routeParams("orderId", id))),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (send) => {
        signInAsCaller(world, "seller");
        expectWellFormed(await answerOf(await send()));
      }),
      {
        numRuns: fuzzRuns(60),
        // Each of these answered 500 on PostgreSQL: U+0000 in an id, a search or a cursor, and years 0000 and 275760.
        examples: [
          [() => getOrderRoute(request("/api/v1/orders/x", { headers: { Authorization: `Bearer ${world.mine.token.secret}` } }), routeParams("orderId", "a\u0000b"))],
          [() => listOrdersRoute(request("/api/v1/orders?updated_from=0000-01-01T00:00:00Z", { headers: { Authorization: `Bearer ${world.mine.token.secret}` } }))],
          [() => listOrdersRoute(request(`/api/v1/orders?cursor=${cursorOf(["2026-01-01T00:00:00Z", "a\u0000"])}`, { headers: { Authorization: `Bearer ${world.mine.token.secret}` } }))],
          [() => queueRoute(request("/api/orders?q=%00"))],
          [() => queueRoute(request(`/api/orders?sort=date&after=${cursorOf(["date", "+275760-09-13T00:00:00.000Z", "x"])}`))],
        ],
      },
    );
  });

  it("orderActionAction: an id or a field holding U+0000 is refused like any other", async () => {
    const input = fc.record({
      action: fc.constantFrom("accept", "refund"),
      orderId: fc.oneof(fc.constantFrom(world.mine.orders.toAccept.id, "a\u0000b"), hostileString),
      idempotencyKey: fc.uuid(),
      lines: fc.array(fc.oneof(fc.constant("\u0000"), hostileString), { minLength: 1, maxLength: 2 }),
      motive: fc.constant("VendorRejection"),
    });
    await fc.assert(
      fc.asyncProperty(input, async (input) => {
        signInAsCaller(world, "seller");
        // Accepting the one real order is legitimate: the other suites test it.
        fc.pre(!(input.action === "accept" && input.orderId.trim() === world.mine.orders.toAccept.id));
        expect(expectExpectedResult(await orderActionAction(input as never))).not.toBe("data");
      }),
      { numRuns: fuzzRuns(20) },
    );
  });
});
