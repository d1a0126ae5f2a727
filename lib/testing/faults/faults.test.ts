// Every sandbox fault mode against the three things a seller does with the marketplace:
// the sync, a single action (accept, refund), a bulk action (ship from a CSV file, bulk
// accept). For each: the fault lasts longer than the client retries, the seller's
// message is checked word for word, then the fault ends and the product recovers on its
// own (the next sync run, the outbox's drain). Afterwards the store equals the sandbox,
// every order is there, and every action reached Cdiscount's logic exactly once. Then a
// fault that outlasts the outbox's last retry, and a wrong API password: what the seller
// is told once the desk gives up.
// The product runs as in production -- its own client factory, sync engine and outbox --
// against the sandbox process over HTTP and a SQLite file; while a fault lasts its client
// has short timeouts (FAST_TUNING) so that a latency fault bites within a test.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { validateOrderFor } from "@/lib/cdiscount/validate-order";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { FaultKind } from "@/lib/cdiscount/sandbox/server";
import type { MarketplaceErrorKind } from "@/lib/cdiscount/errors";
import type { Actor } from "@/lib/auth/access";
import { getTranslations } from "next-intl/server";
import { getOrderDetail, listSyncIssues } from "@/lib/orders/queue";
import { syncShop } from "@/lib/sync/sync-shop";
import { syncIssueNotice } from "@/lib/sync/issue-notice";
import { drainMarketplaceActions } from "@/lib/order-actions/drain-marketplace-actions";
import { MAX_ATTEMPTS } from "@/lib/order-actions/dispatch-marketplace-actions";
import { actionOutcome } from "@/lib/order-actions/action-outcome";
import { failureCause, failureWords } from "@/lib/order-actions/failure-words";
import { testShopConnection } from "@/lib/shops/test-connection";
import { encryptShopPassword } from "@/lib/shops/shop-secret";
import { runOrderAction } from "@/lib/order-actions/run-order-action";
import { runBulkDecision } from "@/lib/order-actions/run-bulk-decision";
import { executeBulkShipment } from "@/lib/order-actions/execute-bulk-shipment";
import { parseShipmentCsv } from "@/lib/order-actions/shipment-csv";
import { orderActionMessages } from "@/lib/order-actions/user-messages";
import type { BulkItemOutcome, OrderActionOutcome } from "@/lib/order-actions/action-outcome";
import { alreadyShipped, awaitingShipment, createTestShop, seedStoredOrders, type TestShop } from "@/lib/order-actions/testing";
import { marketplaceClientFor } from "@/lib/cdiscount/for-shop";
import { effectiveWrites, fastClientFor, startSandboxWithSeller, LATENCY_MS, shopConnection, storeVersusSandbox, until, writeCalls } from "./harness";

setupTestDatabase();
let sandbox: SandboxProcess;
let seller: Actor;
let shopCount = 0;

beforeAll(async () => {
  ({ sandbox, seller } = await startSandboxWithSeller(db, 77));
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await sandbox.admin.clearFaults();
});

// ------------------------------------------------------------------ the table

type Write = "ValidateOrderList" | "CreateRefundVoucher";

interface FaultCase {
  kind: FaultKind;
  params?: Record<string, unknown>;
  /** A lasting fault on these operations (beyond the client's retries). */
  inject(shop: TestShop, operations: readonly string[]): Promise<void>;
  /** The sync's error as the client classifies it; null: reads are not affected. */
  syncError: MarketplaceErrorKind | null;
  /** Which writes the fault touches. */
  writes: readonly Write[];
  /** What becomes of an action it touches: kept and sent again, or refused by Cdiscount. */
  action: "queued" | "refused";
}

const LASTING = 1_000;
const REFUSAL = "La commande ne peut pas être validée pour le moment.";

function lasting(kind: FaultKind, params?: Record<string, unknown>): FaultCase["inject"] {
  return async (shop, operations) => {
    for (const operation of operations) await sandbox.admin.addFault({ kind, login: shop.login, operation, count: LASTING, params });
  };
}

const BOTH_WRITES: readonly Write[] = ["ValidateOrderList", "CreateRefundVoucher"];

const FAULTS: readonly FaultCase[] = [
  { kind: "http500", inject: lasting("http500"), syncError: "server", writes: BOTH_WRITES, action: "queued" },
  { kind: "latency", inject: lasting("latency", { ms: LATENCY_MS }), syncError: "timeout", writes: BOTH_WRITES, action: "queued" },
  // WCF's InternalServiceFault: an exception on Cdiscount's side, like an HTTP 500.
  { kind: "soapFault", inject: lasting("soapFault"), syncError: "server", writes: BOTH_WRITES, action: "queued" },
  // Even a fresh token is refused.
  { kind: "tokenInvalid", inject: lasting("tokenInvalid"), syncError: "token", writes: BOTH_WRITES, action: "queued" },
  {
    kind: "stsHtml",
    // The token has to be renewed (it was revoked) and the STS answers its anti-bot page.
    inject: async (shop, operations) => {
      await sandbox.admin.addFault({ kind: "stsHtml", login: shop.login, operation: "STS", count: LASTING });
      for (const operation of operations) await sandbox.admin.addFault({ kind: "tokenInvalid", login: shop.login, operation, count: 1 });
    },
    syncError: "stsHtml",
    writes: BOTH_WRITES,
    action: "queued",
  },
  { kind: "malformedXml", inject: lasting("malformedXml"), syncError: "malformed", writes: BOTH_WRITES, action: "queued" },
  { kind: "truncatedXml", inject: lasting("truncatedXml"), syncError: "malformed", writes: BOTH_WRITES, action: "queued" },
  { kind: "quota", inject: lasting("quota"), syncError: "quota", writes: BOTH_WRITES, action: "queued" },
  // Per-order Validated=false: only ValidateOrderList has it; reads and refunds go through.
  { kind: "validateFalse", inject: lasting("validateFalse", { message: REFUSAL }), syncError: null, writes: ["ValidateOrderList"], action: "refused" },
];

/** The seller's words, from fr.json: what each class of fault must say. */
const SAYS = {
  // Said of every action kept to be sent again: a timeout, the quota, an answer without the order's result, the desk's own hiccup.
  queued: "L'action n'a pas encore abouti chez Cdiscount. Elle est enregistrée et sera renvoyée automatiquement.",
  refused: `Cdiscount a refusé l'action : « ${REFUSAL} »`,
  succeeded: (status: string) => `Cdiscount a confirmé. Statut de la commande : ${status}.`,
  sync: {
    server: "Cdiscount a renvoyé une erreur serveur. Réessayez plus tard.",
    timeout: "Cdiscount n'a pas répondu à temps. Réessayez plus tard.",
    malformed: "La réponse de Cdiscount est illisible. Réessayez plus tard.",
    quota: "Quota d'appels Cdiscount atteint. Réessayez dans quelques minutes.",
    token: "Cdiscount a refusé le jeton d'accès, même renouvelé. Réessayez plus tard ; si cela dure, demandez à Cdiscount si le compte API est actif.",
    stsHtml:
      "Le service d'authentification de Cdiscount a renvoyé une page web au lieu d'un jeton (protection anti-robot). Réessayez plus tard ou signalez l'adresse IP du serveur à Cdiscount.",
  } as Partial<Record<MarketplaceErrorKind, string>>,
  authentication:
    "Cdiscount a refusé l'identifiant ou le mot de passe API. Vérifiez l'identifiant (identifiant vendeur suivi de « -api ») et le mot de passe.",
  /** Once the outbox gave up: what went wrong, then whether the order may have changed at Cdiscount. */
  gaveUp: {
    cause: {
      server: "Cdiscount était indisponible (erreur de son côté).",
      timeout: "Cdiscount n'a pas répondu à temps.",
      malformed: "La réponse de Cdiscount était illisible.",
      quota: "Le quota d'appels Cdiscount était atteint.",
    } as Partial<Record<MarketplaceErrorKind, string>>,
    notApplied: (attempts: number) =>
      `Après ${attempts} ${attempts === 1 ? "essai" : "essais"}, l'action n'a pas été appliquée chez Cdiscount : renvoyez-la une fois le problème réglé.`,
    mayBeApplied: `Après ${MAX_ATTEMPTS} essais, on ne sait pas si Cdiscount a appliqué l'action : vérifiez la commande dans votre espace vendeur Cdiscount avant de la renvoyer.`,
  },
};

/** Not a stack, not a code, not our own jargon; says what happens or what to do. */
function expectClear(message: string) {
  expect(message.trim().length).toBeGreaterThan(20);
  expect(message).not.toMatch(/\n\s+at |Error:|HTTP \d{3}|SOAP|GetOrderList|ValidateOrderList|CreateRefundVoucher|STS:|undefined|null|\[object/);
  expect(message).toMatch(/réessa|renvoy|automatiquement|vérifiez|demandez|plus tard|confirmé|Cdiscount a refusé/i);
}

// ------------------------------------------------------------------ helpers

async function newShop() {
  const shop = await createTestShop(db, sandbox, seller, `faults-${++shopCount}-api`);
  // A first import of a few days: the sandbox's orders are at most three days old.
  await db.shop.update({ where: { id: shop.shopId }, data: { initialImportDays: 4 } });
  return shop;
}
const key = () => randomUUID();
const sandboxNow = async () => new Date((await sandbox.admin.health()).now);
const marketplaceOrder = async (shop: TestShop, orderNumber: string) => (await sandbox.admin.order(shop.login, orderNumber)).order;

/** The shop's next sync run: with the short timeouts while a fault lasts, as configured otherwise. */
async function syncNow(shop: TestShop, during: "fault" | "normal") {
  const connection = await shopConnection(db, shop.shopId);
  const client = during === "fault" ? fastClientFor(connection) : marketplaceClientFor(connection);
  return syncShop(db, shop.shopId, { kind: "INCREMENTAL", client, now: await sandboxNow() });
}

/** After a latency fault, Cdiscount applies the call once its delay is over: the drain comes later. */
async function slowCallsApplied(fault: FaultCase, shop: TestShop, orderNumbers: readonly string[], applied: (o: Awaited<ReturnType<typeof marketplaceOrder>>) => boolean) {
  if (fault.kind !== "latency") return;
  for (const n of orderNumbers) await until(`${n} applied by the sandbox`, async () => applied(await marketplaceOrder(shop, n)));
}

/** The outbox's background drain, once the retry is due (the scheduler runs it every 5 s). */
async function drainWhenDue(shop: TestShop, during: "fault" | "normal" = "normal") {
  const pending = await db.marketplaceAction.findMany({ where: { shopId: shop.shopId, status: "PENDING" }, select: { nextAttemptAt: true } });
  const due = Math.max(Date.now(), ...pending.map((p) => p.nextAttemptAt?.getTime() ?? 0));
  return drainMarketplaceActions(db, { now: new Date(due + 1_000), clientFor: during === "fault" ? fastClientFor : undefined });
}

async function expectOutboxSettled(shop: TestShop) {
  expect(await db.marketplaceAction.count({ where: { shopId: shop.shopId, status: { in: ["PENDING", "SENDING"] } } })).toBe(0);
  expect(await db.marketplaceAction.count({ where: { shopId: shop.shopId, openOrderKey: { not: null } } })).toBe(0);
}

async function expectEachWrittenOnce(shop: TestShop, orderNumbers: readonly string[]) {
  const effective = await effectiveWrites(sandbox.admin, shop.login);
  expect(Object.fromEntries(orderNumbers.map((n) => [n, effective.get(n) ?? 0]))).toEqual(Object.fromEntries(orderNumbers.map((n) => [n, 1])));
}

function outcomeMessage(messages: Awaited<ReturnType<typeof orderActionMessages>>, outcome: BulkItemOutcome) {
  const text = messages.outcome(outcome);
  expectClear(text);
  return text;
}

/**
 * What the order's timeline says of an action that failed for good: the outcome's words
 * under the action, and why each earlier attempt failed -- the desk's account, not Cdiscount's.
 */
async function timelineWords(shop: TestShop, orderId: string) {
  const t = await getTranslations();
  const { timeline } = (await getOrderDetail(db, { shopIds: [shop.shopId], orderId }))!;
  const action = timeline.find((e) => e.type === "action" && e.status === "FAILED");
  return {
    action: action?.type === "action" && action.failure ? failureWords(action.failure, t) : null,
    attempts: timeline.flatMap((e) => (e.type === "marketplaceError" ? [failureCause(e.failure, t)] : [])),
  };
}

// ------------------------------------------------------------------ the suite

for (const fault of FAULTS) {
  describe(`${fault.kind}`, () => {
    it("sync: a clear message while the fault lasts, nothing lost, and the next run converges", async () => {
      const shop = await newShop();
      await sandbox.admin.seed(shop.login, 30, { days: 3, frozen: true });
      expect((await syncNow(shop, "normal")).status).toBe("SUCCEEDED");
      const before = await db.order.count({ where: { shopId: shop.shopId } });

      // The marketplace moves on during the outage: new orders, two accepted elsewhere.
      const { orderNumbers: fresh } = await sandbox.admin.seed(shop.login, 5, { state: "fresh", frozen: true });
      const [a, b] = (await shop.client.getOrders({ orderReferenceList: fresh, fetchOrderLines: true })).orders;
      await shop.client.validateOrders([validateOrderFor(a!, "AcceptedBySeller"), validateOrderFor(b!, "AcceptedBySeller")]);

      await fault.inject(shop, ["GetOrderList"]);
      const during = await syncNow(shop, "fault");
      const notice = await syncIssueNotice(await listSyncIssues(db, { shopIds: [shop.shopId] }));
      if (fault.syncError === null) {
        expect(during.status).toBe("SUCCEEDED");
        expect(notice).toBeNull();
      } else {
        expect(during.status).toBe("FAILED");
        // The fault was met, not dodged.
        expect((await sandbox.admin.faults()).some((f) => f.kind === fault.kind && f.remaining < LASTING)).toBe(true);
        expect(notice).toBe(`Une boutique a un problème de synchronisation : ${SAYS.sync[fault.syncError]}`);
        expectClear(notice!);
        // Nothing already in the store was lost.
        expect(await db.order.count({ where: { shopId: shop.shopId } })).toBeGreaterThanOrEqual(before);
      }

      await sandbox.admin.clearFaults();
      expect((await syncNow(shop, "normal")).status).toBe("SUCCEEDED");
      expect(await syncIssueNotice(await listSyncIssues(db, { shopIds: [shop.shopId] }))).toBeNull();
      expect(await storeVersusSandbox(db, sandbox.admin, shop.shopId, shop.login)).toEqual([]);
      expect(await db.syncRun.count({ where: { shopId: shop.shopId, status: "RUNNING" } })).toBe(0);
    }, 60_000);

    it("single action: accept and refund each tell the seller what happens, then reach Cdiscount once", async () => {
      const shop = await newShop();
      const [order] = await seedStoredOrders(db, sandbox, shop, 1);
      const [shipped] = await seedStoredOrders(db, sandbox, shop, 1, alreadyShipped);
      const sku = shipped!.lines.find((l) => !l.isFeeLine)!.sellerProductId!;
      await fault.inject(shop, fault.writes);
      const messages = await orderActionMessages();

      const act = (input: Parameters<typeof runOrderAction>[1]["input"]) => runOrderAction(db, { access: shop.access, input, clientFor: fastClientFor });
      const accept = await act({ action: "accept", orderId: order!.id, idempotencyKey: key() });
      const refund = await act({ action: "refund", orderId: shipped!.id, idempotencyKey: key(), lines: [sku], motive: "ClientClaim", refundShippingCharges: false });

      const expected = (op: Write, outcome: OrderActionOutcome, okStatus: string) => {
        const touched = fault.writes.includes(op);
        const text = outcomeMessage(messages, outcome);
        if (!touched) return expect(text).toBe(SAYS.succeeded(okStatus));
        expect(text).toBe(fault.action === "queued" ? SAYS.queued : SAYS.refused);
      };
      expected("ValidateOrderList", accept, "Acceptée");
      expected("CreateRefundVoucher", refund, "Expédiée");

      await sandbox.admin.clearFaults();
      await slowCallsApplied(fault, shop, [order!.orderNumber], (o) => o.orderState === "AcceptedBySeller");
      await slowCallsApplied(fault, shop, [shipped!.orderNumber], (o) => o.vouchers.length > 0);
      await drainWhenDue(shop);
      if (accept.status === "failed") {
        // Refused by Cdiscount: final; the seller tries again, and it goes through.
        const again = await runOrderAction(db, { access: shop.access, input: { action: "accept", orderId: order!.id, idempotencyKey: key() } });
        expect(outcomeMessage(messages, again)).toBe(SAYS.succeeded("Acceptée"));
      }

      expect((await marketplaceOrder(shop, order!.orderNumber)).orderState).toBe("AcceptedBySeller");
      expect((await marketplaceOrder(shop, shipped!.orderNumber)).vouchers).toHaveLength(1);
      await expectEachWrittenOnce(shop, [order!.orderNumber, shipped!.orderNumber]);
      await expectOutboxSettled(shop);
      expect(await storeVersusSandbox(db, sandbox.admin, shop.shopId, shop.login)).toEqual([]);
    }, 60_000);

    it("bulk action: ship from a CSV file and bulk accept give one clear outcome per order, then each reaches Cdiscount once", async () => {
      const shop = await newShop();
      const toShip = await seedStoredOrders(db, sandbox, shop, 4, awaitingShipment("TRK"));
      const toAccept = await seedStoredOrders(db, sandbox, shop, 3);
      await fault.inject(shop, fault.writes);
      const messages = await orderActionMessages();

      const tracking = (n: number) => `6A${String(900000000 + n)}`;
      const csv = ["order_number;carrier;tracking_number", ...toShip.map((o, i) => `${o.orderNumber};Colissimo;${tracking(i)}`)].join("\n");
      const { rows, problems } = parseShipmentCsv(csv);
      expect(problems).toEqual([]);
      const shipInput = { shopId: shop.shopId, rows, idempotencyKey: key() };
      const shipped = await executeBulkShipment(db, { access: shop.access, input: shipInput, clientFor: fastClientFor });
      const acceptInput = { shopId: shop.shopId, decision: "accept" as const, orderIds: toAccept.map((o) => o.id), idempotencyKey: key() };
      const accepted = await runBulkDecision(db, { access: shop.access, input: acceptInput, clientFor: fastClientFor });

      const each = fault.action === "queued" ? SAYS.queued : SAYS.refused;
      expect(shipped.outcomes.map((o) => outcomeMessage(messages, o.outcome))).toEqual(toShip.map(() => each));
      expect(accepted.map((o) => outcomeMessage(messages, o))).toEqual(toAccept.map(() => each));
      expect(messages.bulkSummary(shipped.outcomes.map((o) => o.outcome))).toBe(
        fault.action === "queued"
          ? "0 confirmée(s) par Cdiscount, 0 refusée(s), 4 en attente de renvoi, 0 non envoyée(s)."
          : "0 confirmée(s) par Cdiscount, 4 refusée(s), 0 en attente de renvoi, 0 non envoyée(s).",
      );

      await sandbox.admin.clearFaults();
      await slowCallsApplied(fault, shop, toShip.map((o) => o.orderNumber), (o) => o.orderState === "Shipped");
      await slowCallsApplied(fault, shop, toAccept.map((o) => o.orderNumber), (o) => o.orderState === "AcceptedBySeller");
      await drainWhenDue(shop);
      if (fault.action === "refused") {
        // The seller sends the same file and selection again, as new requests.
        const again = await executeBulkShipment(db, { access: shop.access, input: { ...shipInput, idempotencyKey: key() } });
        expect(again.outcomes.map((o) => o.outcome.status)).toEqual(toShip.map(() => "succeeded"));
        const acceptedAgain = await runBulkDecision(db, { access: shop.access, input: { ...acceptInput, idempotencyKey: key() } });
        expect(acceptedAgain.map((o) => o.status)).toEqual(toAccept.map(() => "succeeded"));
      }

      for (const [i, o] of toShip.entries()) {
        const m = await marketplaceOrder(shop, o.orderNumber);
        expect(m.orderState).toBe("Shipped");
        expect(m.parcels[0]).toMatchObject({ externalCarrierName: "Colissimo", realCarrierCode: tracking(i) });
        expect(await db.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "Shipped", trackingNumber: tracking(i) });
      }
      for (const o of toAccept) expect((await marketplaceOrder(shop, o.orderNumber)).orderState).toBe("AcceptedBySeller");
      const all = [...toShip, ...toAccept].map((o) => o.orderNumber);
      await expectEachWrittenOnce(shop, all);
      await expectOutboxSettled(shop);
      expect(await storeVersusSandbox(db, sandbox.admin, shop.shopId, shop.login)).toEqual([]);

      // The seller's browser sends the first requests again (same keys): the recorded
      // outcomes come back, and nothing more reaches Cdiscount.
      const callsBefore = await writeCalls(sandbox.admin, shop.login);
      const replay = await executeBulkShipment(db, { access: shop.access, input: shipInput });
      expect(replay.outcomes.map((o) => o.outcome.status)).toEqual(toShip.map(() => (fault.action === "queued" ? "succeeded" : "failed")));
      await runBulkDecision(db, { access: shop.access, input: acceptInput });
      expect(await writeCalls(sandbox.admin, shop.login)).toEqual(callsBefore);
    }, 60_000);
  });
}

// ------------------------------------------------------------------ when the desk gives up

// The fault outlasts the outbox's last retry (MAX_ATTEMPTS sends, about an hour). It is on
// the re-reads too, so that no attempt finds the order applied. Only a refusal by Cdiscount
// is called a refusal: here the seller learns what happened, whether the order may have
// changed at Cdiscount all the same, and what to do.
const GIVING_UP: readonly { kind: FaultKind; says: string; applied: "no" | "unknown" }[] = [
  { kind: "http500", says: SAYS.gaveUp.cause.server!, applied: "unknown" },
  // A WCF InternalServiceFault is an exception inside Cdiscount: like an HTTP 500.
  { kind: "soapFault", says: SAYS.gaveUp.cause.server!, applied: "unknown" },
  // Cdiscount applies the call after the delay: the desk cannot know it did.
  { kind: "latency", says: SAYS.gaveUp.cause.timeout!, applied: "unknown" },
  { kind: "malformedXml", says: SAYS.gaveUp.cause.malformed!, applied: "unknown" },
  // Turned away before Cdiscount looked at the call, every time: surely not applied.
  { kind: "quota", says: SAYS.gaveUp.cause.quota!, applied: "no" },
  { kind: "tokenInvalid", says: SAYS.sync.token!, applied: "no" },
  { kind: "stsHtml", says: SAYS.sync.stsHtml!, applied: "no" },
];

for (const giving of GIVING_UP) {
  const fault = FAULTS.find((f) => f.kind === giving.kind)!;
  it(`${giving.kind} past the last retry: the seller is told it was not a refusal, and ${giving.applied === "no" ? "that nothing was applied" : "to check the order at Cdiscount"}`, async () => {
    const shop = await newShop();
    const [order] = await seedStoredOrders(db, sandbox, shop, 1);
    await fault.inject(shop, ["GetOrderList", "ValidateOrderList"]);
    const messages = await orderActionMessages();

    const first = await runOrderAction(db, { access: shop.access, input: { action: "accept", orderId: order!.id, idempotencyKey: key() }, clientFor: fastClientFor });
    expect(outcomeMessage(messages, first)).toBe(SAYS.queued);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) await drainWhenDue(shop, "fault");

    const last = await actionOutcome(db, first.actionId);
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: first.actionId } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    const says = `${giving.says} ${giving.applied === "no" ? SAYS.gaveUp.notApplied(MAX_ATTEMPTS) : SAYS.gaveUp.mayBeApplied}`;
    expect(outcomeMessage(messages, last)).toBe(says);
    expect(await timelineWords(shop, order!.id)).toEqual({ action: says, attempts: Array.from({ length: MAX_ATTEMPTS - 1 }, () => giving.says) });
    expect(messages.bulkSummary([last])).toBe("0 confirmée(s) par Cdiscount, 0 refusée(s), 1 en échec, 0 en attente de renvoi, 0 non envoyée(s).");

    await sandbox.admin.clearFaults();
    if (giving.applied === "no") {
      // As told: nothing reached Cdiscount's logic, and sending it again goes through.
      expect((await effectiveWrites(sandbox.admin, shop.login)).get(order!.orderNumber) ?? 0).toBe(0);
      const again = await runOrderAction(db, { access: shop.access, input: { action: "accept", orderId: order!.id, idempotencyKey: key() } });
      expect(outcomeMessage(messages, again)).toBe(SAYS.succeeded("Acceptée"));
    }
    await expectOutboxSettled(shop);
  }, 90_000);
}

it("a wrong API password: the seller reads how to fix it, in French, wherever it shows -- never the token service's text", async () => {
  const shop = await newShop();
  const [order] = await seedStoredOrders(db, sandbox, shop, 1);
  await db.shop.update({ where: { id: shop.shopId }, data: { apiPasswordEncrypted: encryptShopPassword(shop.shopId, "not-the-password") } });
  const messages = await orderActionMessages();

  // The shop's connection test (admin): the connection's own words, nothing from the STS.
  expect(await testShopConnection({ access: shop.access })).toEqual({ ok: false, kind: "authentication", marketplaceMessage: null });

  // The queue's sync banner.
  expect((await syncNow(shop, "normal")).status).toBe("FAILED");
  const notice = await syncIssueNotice(await listSyncIssues(db, { shopIds: [shop.shopId] }));
  expect(notice).toBe(`Une boutique a un problème de synchronisation : ${SAYS.authentication}`);

  // An action: final at once (resending cannot help), nothing applied, and not a refusal of the action.
  const accept = await runOrderAction(db, { access: shop.access, input: { action: "accept", orderId: order!.id, idempotencyKey: key() } });
  expect(accept.status).toBe("failed");
  expect(outcomeMessage(messages, accept)).toBe(`${SAYS.authentication} ${SAYS.gaveUp.notApplied(1)}`);
  expect(await timelineWords(shop, order!.id)).toEqual({ action: `${SAYS.authentication} ${SAYS.gaveUp.notApplied(1)}`, attempts: [] });
  expect(await writeCalls(sandbox.admin, shop.login)).toEqual(new Map());
  await expectOutboxSettled(shop);
});
