// The outbox and the seller's order actions against the sandbox over HTTP, on a real
// SQLite store. Outcomes are checked where they land: the sandbox's orders and the calls
// it received, the store's orders, actions, timeline and audit rows.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { startTestSandbox } from "@/lib/cdiscount/testing";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { MarketplaceOrder, ValidateOrder } from "@/lib/cdiscount/types";
import type { Actor } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";
import { MARKETPLACE_STATE_CHANGE } from "@/lib/sync/order-writer";
import { ORDER_ACTION_EVENT } from "./action-kinds";
import { actionOutcome } from "./action-outcome";
import { drainMarketplaceActions } from "./drain-marketplace-actions";
import { enqueueOrderAction } from "./enqueue-order-action";
import { executeBulkShipment } from "./execute-bulk-shipment";
import { runBulkDecision } from "./run-bulk-decision";
import { runOrderAction } from "./run-order-action";
import { ZOrderActionInput, type OrderActionInput } from "./schemas";
import { planBulkShipment } from "./shipment-csv";
import { alreadyShipped, awaitingShipment, createTestShop, seedStoredOrders, type TestShop } from "./testing";

setupTestDatabase();
let sandbox: SandboxProcess;
let seller: Actor;
let shopCount = 0;

beforeAll(async () => {
  sandbox = await startTestSandbox(["--seed", "31"]);
  // The product's own client factory (lib/cdiscount/for-shop.ts) reaches the sandbox here.
  process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
  const user = await db.user.create({ data: { email: "seller@actions.test", name: "Camille Vendeuse", passwordHash: "unused" } });
  seller = { id: user.id, email: user.email, name: user.name };
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await sandbox.admin.clearFaults();
});

/** A shop of its own per test: its own sandbox account, so its call log is its own. */
const newShop = () => createTestShop(db, sandbox, seller, `actions-${++shopCount}-api`);
const seedOrders = (shop: TestShop, count: number, shape?: (o: MarketplaceOrder) => void) => seedStoredOrders(db, sandbox, shop, count, shape);

const marketplaceOrder = async (shop: TestShop, orderNumber: string) => (await sandbox.admin.order(shop.login, orderNumber)).order;
const callsTo = (shop: TestShop, operation: "ValidateOrderList" | "CreateRefundVoucher" | "GetOrderList") => sandbox.admin.calls(shop.login, operation);
const validated = async (shop: TestShop) => (await callsTo(shop, "ValidateOrderList")).map((c) => c.detail as { orderNumber: string; orderState: string; trackingNumber?: string }[]);
const storedOrder = (id: string) => db.order.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { position: "asc" } } } });
const timeline = (orderId: string) => db.orderEvent.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { occurredAt: "asc" }] });
type WithOptionalKey<T> = T extends unknown ? Omit<T, "idempotencyKey"> & { idempotencyKey?: string } : never;
const act = (shop: TestShop, input: WithOptionalKey<OrderActionInput>) =>
  runOrderAction(db, { access: shop.access, input: { idempotencyKey: randomUUID(), ...input } as OrderActionInput });

describe("order actions", () => {
  it("accept and refuse: one ValidateOrderList each, then the store shows the re-read state and the timeline who did it", async () => {
    const shop = await newShop();
    const [toAccept, toRefuse] = await seedOrders(shop, 2);

    expect(await act(shop, { action: "accept", orderId: toAccept!.id })).toMatchObject({ status: "succeeded", orderStatus: "AcceptedBySeller", orderNumber: toAccept!.orderNumber });
    expect(await act(shop, { action: "refuse", orderId: toRefuse!.id })).toMatchObject({ status: "succeeded", orderStatus: "RefusedBySeller" });

    const calls = await validated(shop);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject([{ orderNumber: toAccept!.orderNumber, orderState: "AcceptedBySeller" }]);
    expect(calls[1]).toMatchObject([{ orderNumber: toRefuse!.orderNumber, orderState: "RefusedBySeller" }]);
    expect((await marketplaceOrder(shop, toAccept!.orderNumber)).orderState).toBe("AcceptedBySeller");
    expect((await marketplaceOrder(shop, toRefuse!.orderNumber)).orderState).toBe("RefusedBySeller");

    const accepted = await storedOrder(toAccept!.id);
    expect(accepted).toMatchObject({ status: "AcceptedBySeller", marketplaceState: "AcceptedBySeller", bucket: "NEW" });
    expect(accepted.lines.filter((l) => !l.isFeeLine).every((l) => l.acceptationState === "AcceptedBySeller")).toBe(true);
    expect((await storedOrder(toRefuse!.id)).status).toBe("RefusedBySeller");

    const events = await timeline(toAccept!.id);
    // The success is recorded once the re-read order is stored (so that a second request
    // waiting on the action reads the confirmed status with it).
    expect(events.map((e) => e.kind)).toEqual([MARKETPLACE_STATE_CHANGE, ORDER_ACTION_EVENT.requested, MARKETPLACE_STATE_CHANGE, ORDER_ACTION_EVENT.succeeded]);
    expect(events[1]).toMatchObject({ actorId: seller.id, fromStatus: "WaitingForSellerAcceptation" });
    expect(events[2]).toMatchObject({ fromStatus: "WaitingForSellerAcceptation", toStatus: "AcceptedBySeller" });
    expect(events[3]).toMatchObject({ actorId: seller.id });

    const action = await db.marketplaceAction.findFirstOrThrow({ where: { orderId: toAccept!.id } });
    expect(action).toMatchObject({ kind: "ACCEPT", status: "SUCCEEDED", attempts: 1, requestedById: seller.id, openOrderKey: null, lockedBy: null });
    const audit = await db.auditLog.findMany({ where: { targetId: toAccept!.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.outcome, a.actorId])).toEqual([
      ["order.accept.request", "success", seller.id],
      ["order.accept", "success", seller.id],
    ]);

    // The order has moved on: accepting again is refused here, before Cdiscount.
    const again = await act(shop, { action: "accept", orderId: toAccept!.id }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "INVALID_STATE", problem: { key: "invalidState", values: { status: "AcceptedBySeller" } } });
    expect(await validated(shop)).toHaveLength(2);
    // The refused attempt is audited, with who tried and why.
    const refused = await db.auditLog.findMany({ where: { targetId: toAccept!.id, outcome: "failure" } });
    expect(refused.map((a) => [a.action, a.actorId, a.shopId])).toEqual([["order.accept.request", seller.id, shop.shopId]]);
    expect(refused[0]!.details).toMatchObject({ orderNumber: toAccept!.orderNumber, code: "INVALID_STATE", reason: expect.stringContaining("AcceptedBySeller") });
  });

  it("ship: a TRK order without tracking is refused field by field and nothing reaches Cdiscount", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1, awaitingShipment("TRK"));

    const error = await act(shop, { action: "ship", orderId: order!.id, carrierName: "Colissimo", trackingNumber: undefined, trackingUrl: undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { trackingNumber: ["trackingRequiredForMode"] } });
    // Malformed fields are already refused by the input schema the action client applies.
    const malformed = ZOrderActionInput.safeParse({ action: "ship", orderId: order!.id, idempotencyKey: randomUUID(), carrierName: "Colissimo", trackingNumber: "6A 12$" });
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["trackingNumber", "trackingForbiddenChars"]]);

    expect(await callsTo(shop, "ValidateOrderList")).toHaveLength(0);
    expect(await db.marketplaceAction.count({ where: { orderId: order!.id } })).toBe(0);
    expect((await marketplaceOrder(shop, order!.orderNumber)).orderState).toBe("WaitingForShipmentAcceptation");
  });

  it("ship: the sandbox order carries the carrier and tracking, and so does the store", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1, awaitingShipment("TRK"));
    const tracking = { carrierName: "Colissimo", trackingNumber: "6A123456789", trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A123456789" };

    expect(await act(shop, { action: "ship", orderId: order!.id, ...tracking })).toMatchObject({ status: "succeeded", orderStatus: "Shipped" });

    expect(await validated(shop)).toEqual([[{ orderNumber: order!.orderNumber, orderState: "Shipped", trackingNumber: tracking.trackingNumber }]]);
    const shipped = await marketplaceOrder(shop, order!.orderNumber);
    expect(shipped.orderState).toBe("Shipped");
    expect(shipped.parcels[0]).toMatchObject({ externalCarrierName: "Colissimo", realCarrierCode: tracking.trackingNumber, externalCarrierTrackingUrl: tracking.trackingUrl });
    expect(await storedOrder(order!.id)).toMatchObject({ status: "Shipped", bucket: "SHIPPED", ...tracking });
  });

  it("the same key sent again with other tracking is refused, not answered with the first outcome", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1, awaitingShipment("TRK"));
    const idempotencyKey = randomUUID();
    const first = { action: "ship" as const, orderId: order!.id, idempotencyKey, carrierName: "Colissimo", trackingNumber: "6A111111111" };
    expect(await act(shop, first)).toMatchObject({ status: "succeeded" });
    expect(await act(shop, first)).toMatchObject({ status: "succeeded" });
    await expect(act(shop, { ...first, trackingNumber: "6A222222222" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await validated(shop)).flat()).toEqual([{ orderNumber: order!.orderNumber, orderState: "Shipped", trackingNumber: "6A111111111" }]);
  });

  it("refuse shipment", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1, awaitingShipment("STD"));
    expect(await act(shop, { action: "refuseShipment", orderId: order!.id })).toMatchObject({ status: "succeeded", orderStatus: "ShipmentRefusedBySeller" });
    expect(await validated(shop)).toMatchObject([[{ orderNumber: order!.orderNumber, orderState: "ShipmentRefusedBySeller" }]]);
    expect((await marketplaceOrder(shop, order!.orderNumber)).orderState).toBe("ShipmentRefusedBySeller");
    expect(await storedOrder(order!.id)).toMatchObject({ status: "ShipmentRefusedBySeller", bucket: "CANCELED" });
  });

  it("refund: the sandbox has the voucher, the store the refunded line; the same line cannot be refunded twice", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1, alreadyShipped);
    const line = order!.lines.find((l) => !l.isFeeLine)!;

    const outcome = await act(shop, { action: "refund", orderId: order!.id, lines: [line.sellerProductId!], motive: "ClientClaim", refundShippingCharges: true });
    expect(outcome).toMatchObject({ status: "succeeded", orderStatus: "Shipped" });

    expect(await callsTo(shop, "CreateRefundVoucher")).toMatchObject([{ detail: { orderNumber: order!.orderNumber } }]);
    const refunded = await marketplaceOrder(shop, order!.orderNumber);
    const expectedAmount = (Math.round(Number(line.purchasePrice) * 100) + Math.round(Number(line.unitShippingCharges) * 100)) / 100;
    expect(refunded.vouchers).toHaveLength(1);
    expect(Number(refunded.vouchers[0]!.amount)).toBe(expectedAmount);
    expect(refunded.lines.find((l) => l.sellerProductId === line.sellerProductId)!.acceptationState).toBe("RefundedAfterShipping");
    const stored = await storedOrder(order!.id);
    expect(stored.lines.find((l) => l.sellerProductId === line.sellerProductId)!.acceptationState).toBe("RefundedAfterShipping");

    const twice = await act(shop, { action: "refund", orderId: order!.id, lines: [line.sellerProductId!], motive: "ClientClaim", refundShippingCharges: false }).catch((e: unknown) => e);
    expect(twice).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { lines: ["refundLineAlreadyRefunded"] } });
    expect(await callsTo(shop, "CreateRefundVoucher")).toHaveLength(1);
  });

  it("a double click (same key, at once) and two tabs (same intent, two keys) each make one marketplace call", async () => {
    const shop = await newShop();
    const [clicked, tabbed] = await seedOrders(shop, 2);

    const input = { action: "accept" as const, orderId: clicked!.id, idempotencyKey: randomUUID() };
    const [first, second] = await Promise.all([act(shop, input), act(shop, input)]);
    expect(first).toMatchObject({ status: "succeeded", orderStatus: "AcceptedBySeller" });
    // The same outcome for both; only one of them created the action.
    const sameOutcome = (a: Awaited<ReturnType<typeof act>>, b: Awaited<ReturnType<typeof act>>) => {
      expect({ ...b, created: null }).toEqual({ ...a, created: null });
      expect([a.created, b.created].sort()).toEqual([false, true]);
    };
    sameOutcome(first, second);

    const [tabA, tabB] = await Promise.all([act(shop, { action: "accept", orderId: tabbed!.id }), act(shop, { action: "accept", orderId: tabbed!.id })]);
    expect(tabA).toMatchObject({ status: "succeeded" });
    sameOutcome(tabA, tabB);

    expect((await validated(shop)).flat().map((d) => d.orderNumber)).toEqual([clicked!.orderNumber, tabbed!.orderNumber]);
    expect(await db.marketplaceAction.count({ where: { shopId: shop.shopId } })).toBe(2);
  });

  it("a request that waited for another's action answers the status Cdiscount accepted, even before the re-read lands", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    const { actionId } = await enqueueOrderAction(db, { access: shop.access, input: { action: "accept", orderId: order!.id, idempotencyKey: randomUUID() } });
    // Settled by another request whose re-read of the order has not been stored yet.
    await db.marketplaceAction.update({ where: { id: actionId }, data: { status: "SUCCEEDED", completedAt: new Date(), openOrderKey: null } });
    expect(await actionOutcome(db, actionId)).toMatchObject({ status: "succeeded", orderStatus: "AcceptedBySeller" });
    // Once stored, the stored status is the answer (here Cdiscount has moved it on since).
    await db.order.update({ where: { id: order!.id }, data: { status: "CancelledByCustomer", bucket: "CANCELED" } });
    expect(await actionOutcome(db, actionId)).toMatchObject({ status: "succeeded", orderStatus: "CancelledByCustomer" });
  });

  it("after a crash mid-call, an action already applied by Cdiscount is marked done without a second call; one not applied is sent", async () => {
    const shop = await newShop();
    const [applied, lost, alive] = await seedOrders(shop, 3);
    const enqueue = async (orderId: string) => (await enqueueOrderAction(db, { access: shop.access, input: { action: "accept", orderId, idempotencyKey: randomUUID() } })).actionId;
    const [appliedId, lostId, aliveId] = [await enqueue(applied!.id), await enqueue(lost!.id), await enqueue(alive!.id)];

    // A dispatcher claimed them, got the first call through to Cdiscount, and died.
    const payload = (await db.marketplaceAction.findUniqueOrThrow({ where: { id: appliedId } })).payload as unknown as ValidateOrder;
    await shop.client.validateOrders([payload]);
    await db.marketplaceAction.updateMany({
      where: { id: { in: [appliedId, lostId] } },
      data: { status: "SENDING", attempts: 1, lockedBy: "dead-dispatcher", lockedUntil: new Date(Date.now() - 1_000) },
    });
    // Another dispatcher still working on its claim is left alone.
    await db.marketplaceAction.update({ where: { id: aliveId }, data: { status: "SENDING", attempts: 1, lockedBy: "live-dispatcher", lockedUntil: new Date(Date.now() + 60_000) } });

    const report = await drainMarketplaceActions(db);
    expect(report).toMatchObject({ succeeded: 2, failed: 0, retrying: 0 });
    expect(report.claimed.sort()).toEqual([appliedId, lostId].sort());

    expect((await validated(shop)).flat().map((d) => d.orderNumber)).toEqual([applied!.orderNumber, lost!.orderNumber]);
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: appliedId } })).toMatchObject({ status: "SUCCEEDED", attempts: 2, result: { verified: true } });
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: lostId } })).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: aliveId } })).toMatchObject({ status: "SENDING", lockedBy: "live-dispatcher" });
    expect((await storedOrder(applied!.id)).status).toBe("AcceptedBySeller");
    expect((await storedOrder(lost!.id)).status).toBe("AcceptedBySeller");
    // Tidy: nothing of this test stays due for the next ones.
    await db.marketplaceAction.update({ where: { id: aliveId }, data: { status: "FAILED", openOrderKey: null } });
  });

  it("after a crash mid-refund, a refund Cdiscount already made is never made twice", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1, alreadyShipped);
    const sku = order!.lines.find((l) => !l.isFeeLine)!.sellerProductId!;
    const { actionId } = await enqueueOrderAction(db, {
      access: shop.access,
      input: { action: "refund", orderId: order!.id, idempotencyKey: randomUUID(), lines: [sku], motive: "ProductStockUnavailable", refundShippingCharges: false },
    });
    const payload = (await db.marketplaceAction.findUniqueOrThrow({ where: { id: actionId } })).payload as unknown as Parameters<typeof shop.client.createRefund>[0];
    await shop.client.createRefund(payload);
    await db.marketplaceAction.update({ where: { id: actionId }, data: { status: "SENDING", attempts: 1, lockedBy: "dead-dispatcher", lockedUntil: new Date(Date.now() - 1_000) } });

    expect(await drainMarketplaceActions(db)).toMatchObject({ claimed: [actionId], succeeded: 1 });
    expect(await callsTo(shop, "CreateRefundVoucher")).toHaveLength(1);
    expect((await marketplaceOrder(shop, order!.orderNumber)).vouchers).toHaveLength(1);
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: actionId } })).toMatchObject({ status: "SUCCEEDED", result: { verified: true } });
  });

  it("a marketplace fault is retried later, re-read first, and takes effect once", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    await sandbox.admin.addFault({ kind: "http500", login: shop.login, operation: "ValidateOrderList", count: 1 });

    const first = await act(shop, { action: "accept", orderId: order!.id });
    expect(first).toMatchObject({ status: "queued", lastError: "ValidateOrderList: HTTP 500" });
    if (first.status !== "queued") throw new Error("expected queued");
    expect(first.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await marketplaceOrder(shop, order!.orderNumber)).orderState).toBe("WaitingForSellerAcceptation");
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: first.actionId } })).toMatchObject({ status: "PENDING", attempts: 1, openOrderKey: order!.id });
    expect((await timeline(order!.id)).find((e) => e.kind === ORDER_ACTION_EVENT.marketplaceError)).toMatchObject({ message: "ValidateOrderList: HTTP 500" });

    // Not due yet.
    expect((await drainMarketplaceActions(db)).claimed).toEqual([]);
    const readsBefore = (await callsTo(shop, "GetOrderList")).length;
    const report = await drainMarketplaceActions(db, { now: new Date(first.retryAt!.getTime() + 1_000) });
    expect(report).toMatchObject({ claimed: [first.actionId], succeeded: 1 });

    // Two calls: the one the fault swallowed, then the one that took effect.
    expect((await validated(shop)).flat().map((d) => d.orderState)).toEqual(["AcceptedBySeller", "AcceptedBySeller"]);
    // Re-read before resending, re-read after success.
    expect((await callsTo(shop, "GetOrderList")).length - readsBefore).toBe(2);
    expect((await marketplaceOrder(shop, order!.orderNumber)).orderState).toBe("AcceptedBySeller");
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: first.actionId } })).toMatchObject({ status: "SUCCEEDED", attempts: 2, openOrderKey: null });
    expect((await storedOrder(order!.id)).status).toBe("AcceptedBySeller");
  });

  it("an answer without the order's result is neither a success nor a refusal: re-read later, settled without sending twice", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    // Cdiscount applies the action, and its answer leaves the order's result out.
    await sandbox.admin.addFault({ kind: "resultMissing", login: shop.login, operation: "ValidateOrderList", count: 1 });

    const first = await act(shop, { action: "accept", orderId: order!.id });
    expect(first).toMatchObject({ status: "queued" });
    if (first.status !== "queued") throw new Error("expected queued");
    expect((await marketplaceOrder(shop, order!.orderNumber)).orderState).toBe("AcceptedBySeller");
    // Nothing on the order's timeline credits Cdiscount with a refusal.
    expect((await timeline(order!.id)).map((e) => e.kind)).not.toContain(ORDER_ACTION_EVENT.failed);

    const report = await drainMarketplaceActions(db, { now: new Date(first.retryAt!.getTime() + 1_000) });
    expect(report).toMatchObject({ claimed: [first.actionId], succeeded: 1 });
    expect(await validated(shop)).toHaveLength(1);
    expect(await db.marketplaceAction.findUniqueOrThrow({ where: { id: first.actionId } })).toMatchObject({ status: "SUCCEEDED", attempts: 2, result: { verified: true } });
    expect((await storedOrder(order!.id)).status).toBe("AcceptedBySeller");
  });

  it("a refusal from Cdiscount is final and keeps its message verbatim", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    const message = "La commande ne peut pas être validée pour le moment.";
    await sandbox.admin.addFault({ kind: "validateFalse", login: shop.login, operation: "ValidateOrderList", count: 1, params: { message } });

    expect(await act(shop, { action: "accept", orderId: order!.id })).toMatchObject({ status: "failed", failure: { reason: "refused", message }, lastError: message });
    const action = await db.marketplaceAction.findFirstOrThrow({ where: { orderId: order!.id } });
    expect(action).toMatchObject({ status: "FAILED", lastError: message, openOrderKey: null });
    expect((await timeline(order!.id)).find((e) => e.kind === ORDER_ACTION_EVENT.failed)).toMatchObject({ message, actorId: seller.id });
    expect(await db.auditLog.findFirst({ where: { targetId: order!.id, action: "order.accept" } })).toMatchObject({ outcome: "failure" });
    expect((await storedOrder(order!.id)).status).toBe("WaitingForSellerAcceptation");
  });

  it("bulk accept: three orders in one ValidateOrderList, one outcome per order, and a replay sends nothing", async () => {
    const shop = await newShop();
    const waiting = await seedOrders(shop, 3);
    const [shipped] = await seedOrders(shop, 1, alreadyShipped);
    const input = { shopId: shop.shopId, decision: "accept" as const, orderIds: [...waiting.map((o) => o.id), shipped!.id], idempotencyKey: randomUUID() };

    const outcomes = await runBulkDecision(db, { access: shop.access, input });
    expect(outcomes.map((o) => o.status)).toEqual(["succeeded", "succeeded", "succeeded", "rejected"]);
    expect(outcomes.slice(0, 3).map((o) => o.orderId)).toEqual(waiting.map((o) => o.id));
    expect(outcomes[3]).toMatchObject({ orderId: shipped!.id, code: "INVALID_STATE", problem: { key: "invalidState", values: { status: "Shipped" } } });

    const calls = await validated(shop);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((d) => [d.orderNumber, d.orderState])).toEqual(waiting.map((o) => [o.orderNumber, "AcceptedBySeller"]));
    for (const o of waiting) expect((await storedOrder(o.id)).status).toBe("AcceptedBySeller");
    const actions = await db.marketplaceAction.findMany({ where: { batchId: input.idempotencyKey } });
    expect(actions.map((a) => a.idempotencyKey).sort()).toEqual(waiting.map((o) => `${input.idempotencyKey}:${o.id}`).sort());

    expect(await runBulkDecision(db, { access: shop.access, input })).toEqual(outcomes);
    expect(await validated(shop)).toHaveLength(1);
  });

  it("bulk ship from CSV: the dry run lists the bad row's problem and sends nothing; executing sends only the valid rows", async () => {
    const shop = await newShop();
    const [good, untracked] = await seedOrders(shop, 2, awaitingShipment("TRK"));
    const url = "https://www.laposte.fr/outils/suivre-vos-envois?code=6A000000001";
    const csv = `\uFEFFnuméro_commande;transporteur;numero_suivi;url_suivi\r\n${good!.orderNumber};Colissimo;6A000000001;${url}\r\n${untracked!.orderNumber};Colissimo;;\r\n`;

    const plan = await planBulkShipment(db, shop.shopId, csv);
    expect(plan.problems).toEqual([]);
    expect(plan.validCount).toBe(1);
    expect(plan.rows.map((r) => [r.line, r.orderNumber, r.ok])).toEqual([
      [2, good!.orderNumber, true],
      [3, untracked!.orderNumber, false],
    ]);
    expect(plan.rows[1]).toMatchObject({ orderId: untracked!.id, problems: [], fieldErrors: { trackingNumber: ["trackingRequiredForMode"] } });
    expect(await callsTo(shop, "ValidateOrderList")).toHaveLength(0);
    expect(await db.marketplaceAction.count({ where: { shopId: shop.shopId } })).toBe(0);

    const rows = plan.rows.map(({ line, orderNumber, carrierName, trackingNumber, trackingUrl }) => ({ line, orderNumber, carrierName, trackingNumber, trackingUrl }));
    const result = await executeBulkShipment(db, { access: shop.access, input: { shopId: shop.shopId, rows, idempotencyKey: randomUUID() } });
    expect(result.outcomes).toMatchObject([{ line: 2, outcome: { status: "succeeded", orderStatus: "Shipped" } }]);
    expect(await validated(shop)).toEqual([[{ orderNumber: good!.orderNumber, orderState: "Shipped", trackingNumber: "6A000000001" }]]);
    expect((await storedOrder(good!.id)).trackingUrl).toBe(url);
    expect((await storedOrder(untracked!.id)).status).toBe("WaitingForShipmentAcceptation");
  });

  it("bulk ship: the same request sent again after it went through gets each row's recorded outcome and sends nothing", async () => {
    const shop = await newShop();
    const orders = await seedOrders(shop, 2, awaitingShipment("STD"));
    const rows = orders.map((o, i) => ({ line: i + 2, orderNumber: o.orderNumber, carrierName: "Colissimo", trackingNumber: `6A00000000${i}` }));
    const input = { shopId: shop.shopId, rows, idempotencyKey: randomUUID() };
    const first = await executeBulkShipment(db, { access: shop.access, input });
    expect(first.outcomes.map((o) => o.outcome.status)).toEqual(["succeeded", "succeeded"]);

    // The answer was lost: the dialog sends the batch again with its key. The orders are
    // shipped now -- by this very request -- and the seller must hear so, not "not shippable".
    const again = await executeBulkShipment(db, { access: shop.access, input });
    expect(again.outcomes).toEqual(first.outcomes);
    expect(again.plan.rows.map((r) => [r.ok, r.problems])).toEqual([
      [true, []],
      [true, []],
    ]);
    expect(await validated(shop)).toHaveLength(1);
  });

  it("bulk ship plan: unknown orders, orders not awaiting shipment and duplicate rows are flagged", async () => {
    const shop = await newShop();
    const [shippable] = await seedOrders(shop, 1, awaitingShipment("STD"));
    const [waiting] = await seedOrders(shop, 1);
    const csv = [
      "order_number,carrier,tracking_number,tracking_url",
      `${shippable!.orderNumber},Colissimo,6A1,`,
      `${waiting!.orderNumber},Colissimo,6A2,`,
      "2401010000NOPE1,Colissimo,6A3,",
      `${shippable!.orderNumber},GLS,G4,`,
    ].join("\n");
    const plan = await planBulkShipment(db, shop.shopId, csv);
    expect(plan.validCount).toBe(0);
    expect(plan.rows.map((r) => r.problems)).toEqual([
      [{ key: "duplicateRow", values: { lines: "5" } }],
      [{ key: "notShippable", values: { status: "WaitingForSellerAcceptation" } }],
      [{ key: "unknownOrder" }],
      [{ key: "duplicateRow", values: { lines: "2" } }],
    ]);
  });

  it("an order of another shop is not found, and nothing tells it exists", async () => {
    const shop = await newShop();
    const other = await newShop();
    const [order] = await seedOrders(other, 1);
    const error = await act(shop, { action: "accept", orderId: order!.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", problem: { key: "orderNotFound" } });
    expect(await callsTo(other, "ValidateOrderList")).toHaveLength(0);
  });
});
