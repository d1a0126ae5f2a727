// The client and the sandbox, paired over real HTTP: every operation and every fault
// mode, asserted on what the client returns and on the sandbox's own state.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ORDER_LEVEL_STATES } from "@/lib/orders/status";
import { isMarketplaceError, MarketplaceError } from "./errors";
import { encodeOrderFilter } from "./protocol/operations";
import { requestEnvelope, soapAction } from "./protocol/envelope";
import { startTestSandbox, testClient } from "./testing";
import { validateOrderFor } from "./validate-order";
import { decodeOrderListResult } from "./protocol/operations";
import { parseResponseEnvelope } from "./protocol/envelope";
import type { MarketplaceOrder } from "./types";
import type { SandboxProcess } from "./sandbox/process";

const LOGIN = "boutique-api";
const PASSWORD = "s3cret-pass";
let sandbox: SandboxProcess & { dataFile: string };

beforeAll(async () => {
  sandbox = await startTestSandbox(["--seed", "7"]);
  await sandbox.admin.createAccount(LOGIN, PASSWORD);
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await sandbox.admin.clearFaults();
});

const client = (opts: Parameters<typeof testClient>[3] = {}) => testClient(sandbox.url, LOGIN, PASSWORD, opts);
const allStates = { states: [...ORDER_LEVEL_STATES], fetchOrderLines: true, fetchParcels: true };

async function freshOrder(kind = "seller"): Promise<MarketplaceOrder> {
  const { orderNumbers } = await sandbox.admin.seed(LOGIN, 1, { kind, state: "fresh" });
  return (await sandbox.admin.order(LOGIN, orderNumbers[0]!)).order;
}

async function orderIn(state: "WaitingForShipmentAcceptation" | "Shipped", shippingCode?: string): Promise<MarketplaceOrder> {
  const { orderNumbers } = await sandbox.admin.seed(LOGIN, 1, { kind: "seller", state: "fresh" });
  const entry = (await sandbox.admin.order(LOGIN, orderNumbers[0]!)) as { order: MarketplaceOrder & Record<string, unknown>; plan: Record<string, unknown> };
  entry.order.orderState = state;
  if (shippingCode) entry.order.shippingCode = shippingCode;
  for (const line of entry.order.lines) if (line.sellerProductId) line.acceptationState = state === "Shipped" ? "ShippedBySeller" : "AcceptedBySeller";
  entry.plan.next = null;
  await sandbox.admin.putOrder(LOGIN, entry);
  return entry.order;
}

async function rawCall(operation: Parameters<typeof soapAction>[0], argument: Parameters<typeof requestEnvelope>[2]) {
  const token = await (await fetch(`${sandbox.url}/users/httpIssue.svc/?realm=x`, { headers: { Authorization: `Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString("base64")}` } })).text();
  const tokenId = /<string[^>]*>([^<]+)</.exec(token)![1]!;
  const res = await fetch(`${sandbox.url}/MarketplaceAPIService.svc`, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${soapAction(operation)}"` },
    body: requestEnvelope(operation, tokenId, argument),
  });
  return { status: res.status, body: await res.text() };
}

const callCount = async (operation: string) => (await sandbox.admin.calls(LOGIN, operation)).length;

describe("token", () => {
  it("is fetched once and reused across operations", async () => {
    const c = client();
    const before = await callCount("STS");
    await c.getCarriers();
    await c.getCarriers();
    await c.getOrders({ orderReferenceList: ["NONE"] });
    expect((await callCount("STS")) - before).toBe(1);
  });

  it("a refused login is an authentication error that names no credential", async () => {
    const error = await testClient(sandbox.url, LOGIN, "wrong-password").getCarriers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketplaceError);
    expect((error as MarketplaceError).kind).toBe("authentication");
    expect((error as MarketplaceError).retryable).toBe(false);
    expect(String((error as Error).message)).not.toContain("wrong-password");
    expect(String((error as Error).message)).not.toContain(LOGIN);
  });
});

describe("GetGlobalConfiguration", () => {
  it("returns the carrier list, names verbatim, URLs trimmed", async () => {
    const carriers = await client().getCarriers();
    expect(carriers.map((c) => c.name)).toContain("Colissimo");
    expect(carriers.find((c) => c.id === 30)?.name).toBe("Asendia HK ");
    expect(carriers.find((c) => c.id === 10)?.defaultUrl).toBe("https://www.dhl.com/fr-fr/home/suivi.html");
  });
});

describe("GetOrderList", () => {
  it("returns exactly the sandbox's orders, field by field", async () => {
    await sandbox.admin.seed(LOGIN, 25, { days: 3 });
    const { orders, unreadable } = await client().getOrders(allStates);
    const truth = (await sandbox.admin.state(LOGIN)).orders.filter((o) => (ORDER_LEVEL_STATES as readonly string[]).includes(o.orderState));
    expect(unreadable).toEqual([]);
    expect(orders.length).toBe(truth.length);
    expect(JSON.parse(JSON.stringify(orders))).toEqual(truth);
  });

  it("filters by state, modification window and corporation", async () => {
    const now = new Date((await sandbox.admin.health()).now);
    const since = new Date(now.getTime() - 24 * 3_600_000);
    const { orders } = await client().getOrders({ states: ["Shipped"], beginModificationDate: since, endModificationDate: now, corporationCode: "CDSB2C" });
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.orderState).toBe("Shipped");
      expect(o.corporationCode).toBe("CDSB2C");
      expect(o.lastUpdatedDate!.getTime()).toBeGreaterThanOrEqual(since.getTime());
      expect(o.lines).toEqual([]);
    }
  });

  it("fetches given order numbers only, skipping unknown ones", async () => {
    const a = await freshOrder();
    const b = await freshOrder();
    const { orders } = await client().getOrders({ orderReferenceList: [a.orderNumber, "2611010000XXXXX", b.orderNumber], fetchOrderLines: true });
    expect(orders.map((o) => o.orderNumber).sort()).toEqual([a.orderNumber, b.orderNumber].sort());
    expect(orders[0]!.lines.length).toBeGreaterThan(0);
  });

  it("the client refuses a date filter without states (Cdiscount would ignore it) and sends nothing", async () => {
    const before = await callCount("GetOrderList");
    const error = await client().getOrders({ beginModificationDate: new Date() }).catch((e: unknown) => e);
    expect(isMarketplaceError(error) && error.notSent).toBe(true);
    expect(await callCount("GetOrderList")).toBe(before);
  });

  it("the sandbox, like Cdiscount, ignores dates sent without states", async () => {
    const future = new Date(Date.now() + 365 * 86_400_000);
    const { body } = await rawCall("GetOrderList", encodeOrderFilter({ beginCreationDate: future, endCreationDate: future }));
    const parsed = parseResponseEnvelope(body, "GetOrderList");
    expect("result" in parsed && decodeOrderListResult(parsed.result).orders.length).toBeGreaterThan(0);
  });

  it("hides the customer and addresses of PaymentInProgress orders, and moves orders along as time passes", async () => {
    const order = await freshOrder();
    const [outcome] = await client().validateOrders([validateOrderFor(order, "AcceptedBySeller")]);
    expect(outcome!.validated).toBe(true);
    await sandbox.admin.advanceClock(12 * 60_000);
    let { orders } = await client().getOrders({ orderReferenceList: [order.orderNumber] });
    expect(orders[0]!.orderState).toBe("PaymentInProgress");
    expect(orders[0]!.customer).toBeNull();
    expect(orders[0]!.shippingAddress).toBeNull();
    await sandbox.admin.advanceClock(60 * 60_000);
    ({ orders } = await client().getOrders({ orderReferenceList: [order.orderNumber] }));
    expect(["WaitingForShipmentAcceptation", "PaymentRefused", "CancelledByCustomer"]).toContain(orders[0]!.orderState);
    expect(orders[0]!.customer?.lastName).toBeTruthy();
  });

  it("cancels an order automatically when the seller does not answer in time", async () => {
    const order = await freshOrder();
    await sandbox.admin.advanceClock(49 * 3_600_000);
    const { orders } = await client().getOrders({ orderReferenceList: [order.orderNumber] });
    expect(["AutomaticCancellation", "CancelledByCustomer"]).toContain(orders[0]!.orderState);
  });
});

describe("ValidateOrderList", () => {
  it("accepts and refuses, sending every line", async () => {
    const a = await freshOrder();
    const r = await freshOrder();
    const outcomes = await client().validateOrders([validateOrderFor(a, "AcceptedBySeller"), validateOrderFor(r, "RefusedBySeller")]);
    expect(outcomes.map((o) => [o.validated, o.source])).toEqual([
      [true, "marketplace"],
      [true, "marketplace"],
    ]);
    expect((await sandbox.admin.order(LOGIN, a.orderNumber)).order.orderState).toBe("AcceptedBySeller");
    expect((await sandbox.admin.order(LOGIN, r.orderNumber)).order.orderState).toBe("RefusedBySeller");
  });

  it("reports a refused transition per order, in French, without failing the batch", async () => {
    const done = await freshOrder();
    const ok = await freshOrder();
    await client().validateOrders([validateOrderFor(done, "AcceptedBySeller")]);
    const before = await callCount("ValidateOrderList");
    const [again, fine] = await client().validateOrders([validateOrderFor(done, "AcceptedBySeller"), validateOrderFor(ok, "AcceptedBySeller")]);
    expect(await callCount("ValidateOrderList")).toBe(before + 1);
    expect(again).toMatchObject({ validated: false, source: "marketplace", errors: [{ type: "OrderStateIncoherent" }] });
    expect(again!.errors[0]!.message).toBe(`Le passage à l'état AcceptedBySeller est impossible à ce stade de la commande "${done.orderNumber}".`);
    expect(fine!.validated).toBe(true);
  });

  it("the sandbox refuses a validation that leaves out a line", async () => {
    const order = await freshOrder();
    const full = validateOrderFor(order, "AcceptedBySeller");
    if (full.lines.length < 2) full.lines.push({ sellerProductId: "NOT-IN-ORDER", productCondition: "New", acceptationState: "AcceptedBySeller" });
    else full.lines.pop();
    const [outcome] = await client().validateOrders([full]);
    expect(outcome!.validated).toBe(false);
    expect(["MissingField", "OrderLineNotFound"]).toContain(outcome!.errors[0]!.type);
  });

  it("ships a TRK order only with carrier and tracking; bad input is refused before sending", async () => {
    const order = await orderIn("WaitingForShipmentAcceptation", "TRK");
    const before = await callCount("ValidateOrderList");
    const [missing] = await client().validateOrders([validateOrderFor(order, "Shipped", { carrierName: "Colissimo" })]);
    const [badChars] = await client().validateOrders([validateOrderFor(order, "Shipped", { carrierName: "Colissimo", trackingNumber: "6A 123" })]);
    expect(missing).toMatchObject({ validated: false, source: "local" });
    expect(badChars).toMatchObject({ validated: false, source: "local" });
    expect(await callCount("ValidateOrderList")).toBe(before);

    const [shipped] = await client().validateOrders([
      validateOrderFor(order, "Shipped", { carrierName: "Colissimo", trackingNumber: "6A12345678901", trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901" }),
    ]);
    expect(shipped!.validated).toBe(true);
    const after = (await sandbox.admin.order(LOGIN, order.orderNumber)).order;
    expect(after.orderState).toBe("Shipped");
    expect(after.lines.filter((l) => l.sellerProductId).every((l) => l.acceptationState === "ShippedBySeller")).toBe(true);
    expect(after.parcels[0]).toMatchObject({ externalCarrierName: "Colissimo", realCarrierCode: "6A12345678901" });
  });

  it("the sandbox itself refuses a REG shipment without tracking", async () => {
    const order = await orderIn("WaitingForShipmentAcceptation", "REG");
    const { encodeValidateOrderList } = await import("./protocol/operations");
    const unchecked = { ...validateOrderFor(order, "Shipped", { carrierName: "Colissimo" }), trackingNumber: undefined };
    const { body } = await rawCall("ValidateOrderList", encodeValidateOrderList([unchecked]));
    expect(body).toContain("<Validated>false</Validated>");
    expect(body).toContain("OrderTrackingInformationError");
    expect((await sandbox.admin.order(LOGIN, order.orderNumber)).order.orderState).toBe("WaitingForShipmentAcceptation");
  });

  it("refuses shipment", async () => {
    const order = await orderIn("WaitingForShipmentAcceptation");
    const [outcome] = await client().validateOrders([validateOrderFor(order, "ShipmentRefusedBySeller")]);
    expect(outcome!.validated).toBe(true);
    expect((await sandbox.admin.order(LOGIN, order.orderNumber)).order.orderState).toBe("ShipmentRefusedBySeller");
  });
});

describe("CreateRefundVoucher", () => {
  it("refunds a line of a shipped order, shipping charges included", async () => {
    const order = await orderIn("Shipped");
    const line = order.lines.find((l) => l.sellerProductId)!;
    const result = await client().createRefund({
      orderNumber: order.orderNumber,
      sellerRefunds: [{ mode: "Claim", motive: "ClientClaim", sellerProductId: line.sellerProductId!, refundShippingCharges: true }],
      commercialGestures: [],
    });
    const expected = (Math.round(Number(line.purchasePrice) * 100) + Math.round(Number(line.unitShippingCharges) * 100)) / 100;
    expect(result.sellerRefunds).toEqual([expect.objectContaining({ sellerProductId: line.sellerProductId, success: true, value: String(expected) })]);
    const after = (await sandbox.admin.order(LOGIN, order.orderNumber)).order;
    expect(after.vouchers).toHaveLength(1);
  });

  it("a refund of an order that is not shipped is a business error with Cdiscount's message", async () => {
    const order = await freshOrder();
    const error = await client()
      .createRefund({ orderNumber: order.orderNumber, sellerRefunds: [{ mode: "Claim", motive: "ClientClaim", sellerProductId: order.lines[0]!.sellerProductId! }], commercialGestures: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "business", marketplaceMessage: "Demande de remboursement invalide" });
  });
});

describe("fault modes", () => {
  const transient = [
    ["http500", "server"],
    // InternalServiceFault: an exception inside Cdiscount's service, like an HTTP 500.
    ["soapFault", "server"],
    ["stsHtml", "stsHtml"],
    ["malformedXml", "malformed"],
    ["truncatedXml", "malformed"],
    ["quota", "quota"],
  ] as const;

  for (const [fault, kind] of transient) {
    it(`${fault}: a read is retried and succeeds; a lasting fault surfaces as "${kind}"`, async () => {
      const operation = fault === "stsHtml" ? "STS" : "GetGlobalConfiguration";
      await sandbox.admin.addFault({ kind: fault, login: fault === "stsHtml" ? LOGIN : undefined, operation, count: 1 });
      expect((await client().getCarriers()).length).toBeGreaterThan(5);
      await sandbox.admin.addFault({ kind: fault, login: fault === "stsHtml" ? LOGIN : undefined, operation, count: 50 });
      const error = await client().getCarriers().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MarketplaceError);
      expect((error as MarketplaceError).kind).toBe(kind);
      expect((error as MarketplaceError).retryable).toBe(true);
    });
  }

  it("latency beyond the timeout: a timeout error, retried for reads", async () => {
    await sandbox.admin.addFault({ kind: "latency", operation: "GetGlobalConfiguration", count: 1, params: { ms: 1_500 } });
    expect((await client({ timeoutMs: 500 }).getCarriers()).length).toBeGreaterThan(5);
    await sandbox.admin.addFault({ kind: "latency", operation: "GetGlobalConfiguration", count: 10, params: { ms: 1_500 } });
    await expect(client({ timeoutMs: 500 }).getCarriers()).rejects.toMatchObject({ kind: "timeout" });
  });

  it("an InternalServiceFault carries Cdiscount's message", async () => {
    await sandbox.admin.addFault({ kind: "soapFault", operation: "GetGlobalConfiguration", count: 50 });
    await expect(client().getCarriers()).rejects.toMatchObject({ kind: "server", marketplaceMessage: "Object reference not set to an instance of an object." });
  });

  it("an invalidated token is refreshed once and the call succeeds", async () => {
    const c = client();
    await c.getCarriers();
    const stsBefore = await callCount("STS");
    await sandbox.admin.addFault({ kind: "tokenInvalid", operation: "GetGlobalConfiguration", count: 1 });
    expect((await c.getCarriers()).length).toBeGreaterThan(5);
    expect((await callCount("STS")) - stsBefore).toBe(1);
  });

  it("a write is not resent after an ambiguous failure: exactly one call reaches the marketplace", async () => {
    const order = await freshOrder();
    await sandbox.admin.addFault({ kind: "http500", operation: "ValidateOrderList", count: 5 });
    const before = await callCount("ValidateOrderList");
    await expect(client().validateOrders([validateOrderFor(order, "AcceptedBySeller")])).rejects.toMatchObject({ kind: "server" });
    expect((await callCount("ValidateOrderList")) - before).toBe(1);
  });

  it("a quota refusal of a write is retried (Cdiscount did not apply it)", async () => {
    const order = await freshOrder();
    await sandbox.admin.addFault({ kind: "quota", operation: "ValidateOrderList", count: 1 });
    const [outcome] = await client().validateOrders([validateOrderFor(order, "AcceptedBySeller")]);
    expect(outcome!.validated).toBe(true);
  });

  it("Validated=false inside a successful call is a per-order result", async () => {
    const order = await freshOrder();
    await sandbox.admin.addFault({ kind: "validateFalse", operation: "ValidateOrderList", count: 1, params: { message: "Commande bloquée temporairement." } });
    const [outcome] = await client().validateOrders([validateOrderFor(order, "AcceptedBySeller")]);
    expect(outcome).toMatchObject({ validated: false, source: "marketplace", errors: [{ message: "Commande bloquée temporairement." }] });
  });

  it("the sandbox answers Quota above the configured call rate", async () => {
    const { quotaPerMinute } = await sandbox.admin.configure({ quotaPerMinute: 0 });
    expect(quotaPerMinute).toBe(0);
    try {
      await expect(client({ retry: { attempts: 1 } }).getCarriers()).rejects.toMatchObject({ kind: "quota" });
    } finally {
      await sandbox.admin.configure({ quotaPerMinute: 600 });
    }
  });
});

describe("sandbox process", () => {
  it("keeps seller accounts apart", async () => {
    await sandbox.admin.createAccount("other-shop-api", "other-pw");
    const { orderNumbers } = await sandbox.admin.seed("other-shop-api", 2, { state: "fresh" });
    const mine = await client().getOrders({ orderReferenceList: orderNumbers });
    expect(mine.orders).toEqual([]);
    const theirs = await testClient(sandbox.url, "other-shop-api", "other-pw").getOrders({ orderReferenceList: orderNumbers });
    expect(theirs.orders).toHaveLength(2);
  });

  it("limits each shop to its concurrency: calls beyond it wait their turn", async () => {
    await sandbox.admin.addFault({ kind: "latency", operation: "GetGlobalConfiguration", count: 4, params: { ms: 300 } });
    const c = client({ concurrency: 1 });
    await c.getOrders({ orderReferenceList: ["NONE"] }); // token first, outside the timing
    const started = Date.now();
    await Promise.all([c.getCarriers(), c.getCarriers(), c.getCarriers()]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("keeps its state across restarts", async () => {
    const other = await startTestSandbox();
    await other.admin.createAccount("persist-api", "pw");
    const { orderNumbers } = await other.admin.seed("persist-api", 3);
    await other.stop();
    const { startSandboxProcess } = await import("./sandbox/process");
    const again = await startSandboxProcess({ data: other.dataFile });
    try {
      const { orders } = await testClient(again.url, "persist-api", "pw").getOrders({ orderReferenceList: orderNumbers });
      expect(orders.map((o) => o.orderNumber).sort()).toEqual([...orderNumbers].sort());
    } finally {
      await again.stop();
    }
  });

  it("is deterministic for a given seed", async () => {
    const runs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const s = await startTestSandbox(["--seed", "123"]);
      try {
        await s.admin.createAccount("det-api", "pw");
        runs.push((await s.admin.seed("det-api", 5, { state: "fresh" })).orderNumbers.map((n) => n.slice(-5)));
      } finally {
        await s.stop();
      }
    }
    expect(runs[0]).toEqual(runs[1]);
  });
});
