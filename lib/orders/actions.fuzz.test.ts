// Issue 7: the queue's server actions (actions.ts) under fuzzed input, through the real
// action client and authorization on a real store (see lib/testing/request-scope.ts for
// what stands in for Next's request). Saved views belong to their user alone, and
// "select every matching order" never reaches outside the caller's shops.
import "@/lib/testing/mock-next-request";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ordersOf, signInAsCaller, setupFuzzWorld } from "@/lib/testing/fuzz-world";
import { fuzzRuns, hostileString, missingId, queueSearch, validOrNot } from "@/lib/testing/fuzz";
import fr from "@/lib/i18n/messages/fr.json";
import { deleteViewAction, matchingOrdersAction, saveViewAction } from "./actions";
import { parseQueueParams, queueParamsToSearch } from "./queue-params";

/** A view of another user's, which nobody else may touch. */
let othersView: { id: string };
const fuzz = setupFuzzWorld(73, {
  prepare: async (world) => {
    othersView = await db.savedView.create({ data: { userId: world.users.outsider.id, name: "À moi", query: "view=SHIPPED" } });
  },
});

type Caller = "seller" | "manager" | "nobody";
const caller = fc.constantFrom<Caller>("seller", "manager", "nobody");
const signIn = (who: Caller) => signInAsCaller(fuzz.world, who);
const userOf = (who: Exclude<Caller, "nobody">) => fuzz.world.users[who].id;

describe("queue actions under fuzzed input [FUZZ]", () => {
  it("saveViewAction: a view is saved for its user only, its query re-read by the queue's parser, or nothing is written", async () => {
    const valid = fc.record({ name: fc.oneof(fc.constant("À expédier"), hostileString), query: fc.oneof(queueSearch.map(String), hostileString) });
    const input = validOrNot(valid, ["name", "query"]);
    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        signIn(who);
        const { outcome, branch, changed } = await fuzz.probe.action(saveViewAction, input);
        if (who === "nobody") expect(outcome.serverError ?? fr.errors.UNAUTHENTICATED).toBe(fr.errors.UNAUTHENTICATED);
        if (branch !== "data") return;
        expect(who).not.toBe("nobody");
        expect(changed.filter((t) => t !== "SavedView")).toEqual([]);
        const { name, query } = input as { name: string; query: string };
        const stored = await db.savedView.findUniqueOrThrow({ where: { userId_name: { userId: userOf(who as Exclude<Caller, "nobody">), name: name.trim() } } });
        expect(stored.query).toBe(queueParamsToSearch(parseQueueParams(new URLSearchParams(query))));
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it("deleteViewAction: only the caller's own views go; another user's id deletes nothing", async () => {
    const input = validOrNot(fc.record({ id: fc.oneof(fc.constant(othersView.id), missingId) }), ["id"]);
    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        signIn(who);
        const { outcome, branch, changed } = await fuzz.probe.action(deleteViewAction, input);
        expect(changed, "deleting nobody's view changed the store").toEqual([]);
        if (branch === "data") expect((outcome.data as { views: { id: string }[] }).views.map((v) => v.id)).not.toContain(othersView.id);
        expect(await db.savedView.count({ where: { id: othersView.id } })).toBe(1);
      }),
      { numRuns: fuzzRuns(50) },
    );
  });

  it("matchingOrdersAction: any query reads, never writes, and lists orders of the caller's shops only", async () => {
    const valid = fc.record({ query: fc.oneof(queueSearch.map(String), hostileString), decision: fc.constantFrom("accept", "refuse") });
    const input = validOrNot(valid, ["query", "decision"]);
    const foreign = new Set(ordersOf(fuzz.world.foreign).map((o) => o.id));
    await fc.assert(
      fc.asyncProperty(caller, input, async (who, input) => {
        signIn(who);
        const { outcome, branch, changed } = await fuzz.probe.action(matchingOrdersAction, input);
        expect(changed).toEqual([]);
        if (branch !== "data") return;
        const { orders } = outcome.data as { orders: { id: string; shopId: string }[] };
        for (const order of orders) {
          expect(foreign.has(order.id)).toBe(false);
          expect(order.shopId).not.toBe(fuzz.world.foreign.shopId);
        }
      }),
      { numRuns: fuzzRuns(80), examples: [["seller", { query: "q=x\u{10ffff}", decision: "accept" }]] },
    );
  });
});
