// Issue 7: the seller's order actions (actions.ts) under fuzzed input, through the real
// action client, authorization, use cases, SQLite store and sandbox process; only the
// session and Next's request scope are stood in for (lib/testing/request-scope.ts).
// Every input here is refused by construction -- malformed, another shop's order, a
// missing one, the wrong state, or a caller without the right -- so the properties are:
// a refusal in the action's one result shape, an unchanged store, no marketplace write,
// and another shop's order answered exactly like a missing one.
import "@/lib/testing/mock-next-request";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { allows, ordersOf, signInAsCaller, setupFuzzWorld, wouldSend, type FuzzOrder } from "@/lib/testing/fuzz-world";
import { fuzzRuns, hostileString, missingId, NOT_FOUND_ANSWERS, validOrNot, type ActionResult } from "@/lib/testing/fuzz";
import { REFUND_MOTIVES } from "@/lib/cdiscount/types";
import { SELLER_ACTIONS } from "@/lib/orders/status";
import fr from "@/lib/i18n/messages/fr.json";
import { addOrderNoteAction, bulkDecisionAction, executeBulkShipmentAction, getCarriersAction, orderActionAction, planBulkShipmentAction } from "./actions";
import { ZAddOrderNoteInput, ZBulkDecisionInput, ZBulkShipInput, ZOrderActionInput } from "./schemas";

const fuzz = setupFuzzWorld(71);

type Caller = "seller" | "manager" | "nobody";
const caller = fc.constantFrom<Caller>("seller", "seller", "manager", "nobody");
const signIn = (who: Caller) => signInAsCaller(fuzz.world, who);

const mineOrders = () => ordersOf(fuzz.world.mine);
const allOrders = () => [...ordersOf(fuzz.world.mine), ...ordersOf(fuzz.world.foreign)];
const mineOrder = (id: string): FuzzOrder | undefined => mineOrders().find((o) => o.id === id);

const ACTION_FIELDS = ["action", "orderId", "idempotencyKey", "carrierName", "trackingNumber", "trackingUrl", "lines", "motive", "refundShippingCharges"];

/** Order ids of both shops and ids of no order, as the browser might send them. */
const orderId = () => fc.oneof(fc.constantFrom(...allOrders().map((o) => o.id)), missingId);
const sku = () => fc.oneof(fc.constantFrom(...allOrders().flatMap((o) => o.skus)), hostileString);

/**
 * What every caller gets besides the data: signed out, the session has expired; a manager
 * may not act in their own shop; an order or shop outside yours is "not found".
 */
function expectRefusal(who: Caller, result: ActionResult, target: "mine" | "elsewhere" | "unknown") {
  expect(result.data, "a refused input got data").toBeUndefined();
  if (who === "nobody" && result.serverError) expect(result.serverError).toBe(fr.errors.UNAUTHENTICATED);
  if (who !== "nobody" && target === "elsewhere") expect(NOT_FOUND_ANSWERS).toContain(result.serverError);
  if (who === "manager" && target === "mine") expect(result.serverError).toBe(fr.errors.FORBIDDEN);
}

describe("order actions under fuzzed input [FUZZ]", () => {
  it("orderActionAction: malformed, foreign, missing or wrong-state actions are refused and send nothing", async () => {
    const valid = fc.record({
      action: fc.constantFrom(...SELLER_ACTIONS),
      orderId: orderId(),
      idempotencyKey: fc.uuid(),
      carrierName: fc.constantFrom("Colissimo", "DHL", " "),
      trackingNumber: fc.stringMatching(/^[0-9A-Z]{6,20}$/),
      trackingUrl: fc.constantFrom("https://www.laposte.fr/suivi?code=1", "ftp://x"),
      lines: fc.array(sku(), { minLength: 1, maxLength: 3 }),
      motive: fc.constantFrom(...REFUND_MOTIVES),
      refundShippingCharges: fc.boolean(),
    });
    const input = validOrNot(valid, ACTION_FIELDS);

    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        const parsed = ZOrderActionInput.safeParse(input);
        const order = parsed.success ? mineOrder(parsed.data.orderId) : undefined;
        // The one input that is not bad: the seller acting as the order allows (what the other suites test).
        fc.pre(!(who === "seller" && order && parsed.success && wouldSend(order, parsed.data)));
        signIn(who);
        const { outcome } = await fuzz.probe.action(orderActionAction, input);
        expectRefusal(who, outcome, !parsed.success ? "unknown" : order ? "mine" : "elsewhere");
      }),
      {
        numRuns: fuzzRuns(150),
        examples: [
          ["seller", { action: "accept", orderId: "__proto__", idempotencyKey: "00000000-0000-4000-8000-000000000000" }],
          ["seller", JSON.parse('{"__proto__": {"action": "accept"}, "orderId": "x", "idempotencyKey": "00000000-0000-4000-8000-000000000000"}')],
        ],
      },
    );
  });

  it("bulkDecisionAction: another shop, its orders, missing ids and orders in the wrong state are refused one by one, nothing sent", async () => {
    // The decision's own orders in a state that does not allow it, or orders elsewhere.
    const wrongOrders = (decision: "accept" | "refuse") =>
      fc.array(fc.oneof(fc.constantFrom(...allOrders().filter((o) => !mineOrder(o.id) || !allows(o, decision)).map((o) => o.id)), missingId), { minLength: 1, maxLength: 5 });
    const valid = fc.constantFrom<"accept" | "refuse">("accept", "refuse").chain((decision) =>
      fc.record({
        shopId: fc.oneof(fc.constantFrom(fuzz.world.mine.shopId, fuzz.world.foreign.shopId), missingId),
        decision: fc.constant(decision),
        orderIds: wrongOrders(decision),
        idempotencyKey: fc.uuid(),
      }),
    );
    const input = validOrNot(valid, Object.keys(ZBulkDecisionInput.shape));

    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        const parsed = ZBulkDecisionInput.safeParse(input);
        const mine = parsed.success && parsed.data.shopId === fuzz.world.mine.shopId;
        fc.pre(!(who === "seller" && mine && parsed.data.orderIds.some((id) => mineOrder(id) && allows(mineOrder(id)!, parsed.data.decision))));
        signIn(who);
        const { outcome, branch } = await fuzz.probe.action(bulkDecisionAction, input);
        if (branch === "data") {
          // Only the seller in their own shop gets a per-order answer: every one refused.
          expect(who === "seller" && mine).toBe(true);
          const { outcomes } = outcome.data as { outcomes: { status: string; code?: string }[] };
          for (const o of outcomes) expect(o.status).toBe("rejected");
          for (const [i, id] of [...new Set(parsed.data!.orderIds)].entries()) if (!mineOrder(id)) expect(outcomes[i]!.code).toBe("NOT_FOUND");
        } else {
          expectRefusal(who, outcome, !parsed.success ? "unknown" : mine ? "mine" : "elsewhere");
        }
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it("planBulkShipmentAction: any file is a dry run, and another shop's orders are unknown ones", async () => {
    const numbers = fc.oneof(fc.constantFrom(...allOrders().map((o) => o.orderNumber)), hostileString);
    const csvRow = fc.tuple(numbers, fc.oneof(fc.constant("Colissimo"), hostileString), fc.oneof(fc.constant("6A12345678"), hostileString), hostileString);
    const header = fc.constantFrom("order_number,carrier,tracking_number,tracking_url", "numero_commande;transporteur;numero_suivi;url_suivi", "order_number", "", "\ufeff\"order_number\"");
    const csv = fc
      .tuple(header, fc.array(csvRow, { maxLength: 6 }), fc.constantFrom(",", ";", "\t"), fc.constantFrom("\n", "\r\n", "\r"))
      .map(([h, rows, sep, eol]) => [h, ...rows.map((r) => r.join(sep))].join(eol));
    const valid = fc.record({ shopId: fc.oneof(fc.constantFrom(fuzz.world.mine.shopId, fuzz.world.foreign.shopId), missingId), csvText: fc.oneof(csv, hostileString) });
    const input = validOrNot(valid, ["shopId", "csvText"]);
    const foreignNumbers = new Set(ordersOf(fuzz.world.foreign).map((o) => o.orderNumber));

    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        signIn(who);
        const { outcome, changed } = await fuzz.probe.action(planBulkShipmentAction, input);
        expect(changed, "a dry run changed the store").toEqual([]);
        if (outcome.data) {
          const plan = outcome.data as { rows: { orderNumber: string; ok: boolean; messages: string[] }[] };
          for (const row of plan.rows.filter((r) => foreignNumbers.has(r.orderNumber))) {
            expect(row.ok).toBe(false);
            expect(row.messages).toContain(fr.orderActions.problems.unknownOrder);
          }
        }
      }),
      {
        numRuns: fuzzRuns(80),
        // One row more than a file may hold, and one character more.
        examples: [
          ["seller", { shopId: fuzz.world.mine.shopId, csvText: `order_number\n${"1\n".repeat(5_001)}` }],
          ["seller", { shopId: fuzz.world.mine.shopId, csvText: "x".repeat(5_000_001) }],
        ],
      },
    );
  });

  it("executeBulkShipmentAction: rows of other shops, missing or unshippable orders send nothing", async () => {
    // Every order but the one that can really be shipped.
    const unshippable = allOrders().filter((o) => o.id !== fuzz.world.mine.orders.toShip.id);
    const row = fc.record({
      line: fc.oneof(fc.integer({ min: 2, max: 50 }), fc.constantFrom(0, -1, 1.5, Number.NaN)),
      orderNumber: fc.oneof(fc.constantFrom(...unshippable.map((o) => o.orderNumber)), hostileString),
      carrierName: fc.option(fc.oneof(fc.constant("Colissimo"), hostileString), { nil: undefined }),
      trackingNumber: fc.option(fc.oneof(fc.constant("6A12345678"), hostileString), { nil: undefined }),
      trackingUrl: fc.option(hostileString, { nil: undefined }),
    });
    const valid = fc.record({
      shopId: fc.oneof(fc.constantFrom(fuzz.world.mine.shopId, fuzz.world.foreign.shopId), missingId),
      rows: fc.array(row, { minLength: 1, maxLength: 5 }),
      idempotencyKey: fc.uuid(),
    });
    const input = validOrNot(valid, Object.keys(ZBulkShipInput.shape));
    const toShip = fuzz.world.mine.orders.toShip.orderNumber;

    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        const parsed = ZBulkShipInput.safeParse(input);
        // A mutation may by chance name the shippable order again.
        fc.pre(!(parsed.success && parsed.data.rows.some((r) => r.orderNumber.trim() === toShip)));
        signIn(who);
        const { outcome, changed } = await fuzz.probe.action(executeBulkShipmentAction, input);
        expect(changed).toEqual([]);
        if (outcome.data) {
          const { outcomes, plan } = outcome.data as { outcomes: unknown[]; plan: { validCount: number } };
          expect(outcomes).toEqual([]);
          expect(plan.validCount).toBe(0);
        } else {
          const mine = parsed.success && parsed.data.shopId === fuzz.world.mine.shopId;
          expectRefusal(who, outcome, !parsed.success ? "unknown" : mine ? "mine" : "elsewhere");
        }
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it("addOrderNoteAction: a note lands on the seller's own order only, as typed, or nothing is written", async () => {
    const valid = fc.record({ orderId: orderId(), body: fc.oneof(fc.constant("Colis prêt"), hostileString) });
    const input = validOrNot(valid, ["orderId", "body"]);

    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        signIn(who);
        const parsed = ZAddOrderNoteInput.safeParse(input);
        const { outcome, branch, changed } = await fuzz.probe.action(addOrderNoteAction, input);
        if (branch === "data") {
          expect(who === "seller" && parsed.success && mineOrder(parsed.data.orderId)).toBeTruthy();
          expect(changed.filter((t) => !["OrderNote", "OrderEvent", "AuditLog"].includes(t))).toEqual([]);
          const note = await db.orderNote.findUniqueOrThrow({ where: { id: (outcome.data as { noteId: string }).noteId } });
          expect(note.orderId).toBe(parsed.data!.orderId);
          // A lone surrogate (possible in JSON's "\ud800" escapes) comes back as replacement characters.
          if (parsed.data!.body.isWellFormed()) expect(note.body).toBe(parsed.data!.body);
        } else {
          expectRefusal(who, outcome, !parsed.success ? "unknown" : mineOrder(parsed.data.orderId) ? "mine" : "elsewhere");
        }
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it("getCarriersAction: the list of the seller's own shop only", async () => {
    const input = validOrNot(fc.record({ shopId: fc.oneof(fc.constantFrom(fuzz.world.mine.shopId, fuzz.world.foreign.shopId), missingId) }), ["shopId"]);
    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        signIn(who);
        const { outcome, branch } = await fuzz.probe.action(getCarriersAction, input);
        const shopId = (input as { shopId?: unknown } | null)?.shopId;
        if (branch === "data") expect(who === "seller" && shopId === fuzz.world.mine.shopId).toBe(true);
        else if (shopId === fuzz.world.foreign.shopId && who !== "nobody") expect(NOT_FOUND_ANSWERS).toContain(outcome.serverError);
      }),
      { numRuns: fuzzRuns(50) },
    );
  });
});
