// Issue 7: every route handler that takes input, called in-process with fuzzed Requests --
// the REST API (/api/v1, token auth) and the desk's own session routes (/api/orders, its
// export, an order's detail, a shop's sync). Properties: never a 500 (a handler that throws
// is one), every error an application/problem+json whose status is the response's, every
// /api/v1 answer as its OpenAPI document says, an unchanged store and no marketplace write
// for a refused request, and another shop's order or shop answered 404 like a missing one,
// never 403. Only the session and Next's request scope are stood in for
// (lib/testing/request-scope.ts); the store and the sandbox process are real.
import "@/lib/testing/mock-next-request";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { GET as listOrdersRoute } from "@/app/api/v1/orders/route";
import { GET as getOrderRoute } from "@/app/api/v1/orders/[orderId]/route";
import { POST as orderActionRoute } from "@/app/api/v1/orders/[orderId]/actions/route";
import { GET as queueRoute } from "@/app/api/orders/route";
import { GET as orderDetailRoute } from "@/app/api/orders/[orderId]/route";
import { GET as exportRoute } from "@/app/api/orders/export/route";
import { GET as syncStatusRoute, POST as syncNowRoute } from "@/app/api/shops/[shopId]/sync/route";
import { ZOrderActionInput } from "@/lib/order-actions/schemas";
import { REFUND_MOTIVES } from "@/lib/cdiscount/types";
import { CURRENT_SHOP_COOKIE } from "@/lib/shops/current-shop";
import { ordersOf, setupFuzzWorld, signInAsCaller, wouldSend, type Caller, type FuzzShop } from "@/lib/testing/fuzz-world";
import { fuzzRuns, hostileString, missingId, nearValid, queueSearch } from "@/lib/testing/fuzz";
import { answerOf, BASE_URL, expectWellFormed, headerValue, pathId, request, routeParams, v1Query, type Answer } from "@/lib/testing/fuzz-http";
import { cookies } from "@/lib/testing/request-scope";
import { createApiToken } from "./tokens/create-api-token";
import { revokeApiToken } from "./tokens/revoke-api-token";
import { idempotencyKeyOf, outboxIdempotencyKey } from "./order-action";
import { API_ACTIONS, toOrderActionInput, ZApiOrderActionRequest } from "./schemas";
import { ContractChecker } from "./testing";

let revokedToken = "";
const fuzz = setupFuzzWorld(83, {
  prepare: async (world) => {
    const access = { actor: world.users.admin, shopId: world.mine.shopId, role: "ADMIN" as const };
    const revoked = await createApiToken(db, { access, input: { name: "Ancien ERP" } });
    await revokeApiToken(db, { access, tokenId: revoked.id });
    revokedToken = revoked.token;
  },
  // A valid token is marked used, whatever the request then asks.
  volatile: { ApiToken: ["lastUsedAt"] },
});
const world = () => fuzz.world;
const contract = new ContractChecker();

// ---------------------------------------------------------------------------------------
// Requests and answers

/** Calls a route through the probe: a refusal (4xx) must leave the store as it was. */
async function call(handle: () => Promise<Response> | Response): Promise<Answer> {
  const { outcome } = await fuzz.probe.observe(async () => answerOf(await handle()), (answer) => answer.status >= 400);
  expectWellFormed(outcome);
  return outcome;
}

// ---------------------------------------------------------------------------------------
// The REST API

/** Authorization headers: each shop's token, near misses, other schemes, garbage, none. */
const authorization = () => {
  const { mine, foreign } = world();
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(`Bearer ${mine.token.secret}`, `Bearer ${foreign.token.secret}`, `bearer \t${mine.token.secret} `) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        `Bearer ${revokedToken}`,
        `Bearer ${mine.token.secret}x`,
        `Bearer ${mine.token.secret.slice(0, -1)}`,
        `Bearer ${mine.token.secret} ${foreign.token.secret}`,
        `Basic ${Buffer.from("seller:pw").toString("base64")}`,
        `Bearer cdod_${"A".repeat(43)}`,
        "Bearer",
      ),
    },
    { weight: 1, arbitrary: fc.oneof(headerValue, headerValue.map((v) => `Bearer ${v}`)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
};

/** The shop whose token the request carries, read as the API reads it; null: 401. */
function tokenShop(req: Request): FuzzShop | null {
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  return [world().mine, world().foreign].find((shop) => shop.token.secret === bearer) ?? null;
}

function expectAuthenticated(answer: Answer, shop: FuzzShop | null) {
  if (shop) {
    expect(answer.status).not.toBe(401);
  } else {
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
  }
}

describe("the REST API under fuzzed requests [FUZZ]", () => {
  it("GET /api/v1/orders: any query answers a page of the token's shop or a problem", async () => {
    const otherShopOrders = (shop: FuzzShop) => new Set(ordersOf(shop === world().mine ? world().foreign : world().mine).map((o) => o.id));
    await fc.assert(
      fc.asyncProperty(authorization(), v1Query, async (auth, query) => {
        const req = request(`/api/v1/orders?${query}`, { headers: { Authorization: auth } });
        const answer = await call(() => listOrdersRoute(req));
        contract.check("/api/v1/orders", "get", answer);
        const shop = tokenShop(req);
        expectAuthenticated(answer, shop);
        if (answer.status === 200) for (const order of (answer.body as { data: { id: string }[] }).data) expect(otherShopOrders(shop!).has(order.id)).toBe(false);
        else if (shop) expect(answer.status).toBe(422);
      }),
      // A field named __proto__ used to read Object.prototype as its error list: a 500.
      { numRuns: fuzzRuns(80), examples: [[`Bearer ${world().mine.token.secret}`, new URLSearchParams("__proto__=&constructor=1")]] },
    );
  });

  it("GET /api/v1/orders/{id}: the token's own order, or 404 -- another shop's order included", async () => {
    const ids = () => [...ordersOf(world().mine), ...ordersOf(world().foreign)].map((o) => o.id);
    await fc.assert(
      fc.asyncProperty(authorization(), pathId(ids), async (auth, id) => {
        const req = request(`/api/v1/orders/${encodeURIComponent(id)}`, { headers: { Authorization: auth } });
        const answer = await call(() => getOrderRoute(req, routeParams("orderId", id)));
        contract.check("/api/v1/orders/{order_id}", "get", answer);
        const shop = tokenShop(req);
        expectAuthenticated(answer, shop);
        if (shop) expect(answer.status).toBe(ordersOf(shop).some((o) => o.id === id) ? 200 : 404);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it("POST /api/v1/orders/{id}/actions: a bad request sends nothing; another shop's order is 404", async () => {
    const orders = () => [...ordersOf(world().mine), ...ordersOf(world().foreign)];
    const validBody = fc.record({
      action: fc.constantFrom(...API_ACTIONS),
      carrier_name: fc.constantFrom("Colissimo", " "),
      tracking_number: fc.constantFrom("6A123456789", "6A 1"),
      tracking_url: fc.constantFrom("https://www.laposte.fr/suivi", "ftp://x"),
      lines: fc.array(fc.oneof(fc.constantFrom(...orders().flatMap((o) => o.skus)), hostileString), { minLength: 1, maxLength: 3 }),
      motive: fc.constantFrom(...REFUND_MOTIVES),
      refund_shipping_charges: fc.boolean(),
    });
    // Each action's own fields only: the API refuses unknown ones.
    const ownFields = validBody.map((b) => Object.fromEntries(Object.entries(b).filter(([k]) => k === "action" || (b.action === "ship" ? k.startsWith("tracking") || k === "carrier_name" : b.action === "refund" && ["lines", "motive", "refund_shipping_charges"].includes(k)))));
    const body = fc.oneof(
      { weight: 3, arbitrary: ownFields.map((b) => JSON.stringify(b)) },
      { weight: 3, arbitrary: nearValid(ownFields, ["action", "carrier_name", "tracking_number", "lines", "motive"]).map((b) => JSON.stringify(b, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "") },
      { weight: 1, arbitrary: fc.oneof(hostileString, fc.constantFrom("{", "[]", "null", '{"action":"accept"}{}', `${"[".repeat(10_000)}${"]".repeat(10_000)}`)) },
    );
    const key = fc.option(fc.oneof(fc.uuid(), headerValue), { nil: undefined });

    await fc.assert(
      fc.asyncProperty(authorization(), pathId(() => orders().map((o) => o.id)), key, body, fc.constantFrom("application/json", "text/plain", undefined), async (auth, id, key, body, type) => {
        const request_ = () => request(`/api/v1/orders/${encodeURIComponent(id)}/actions`, { method: "POST", headers: { Authorization: auth, "Idempotency-Key": key, "Content-Type": type }, body });
        const shop = tokenShop(request_());
        const input = desiredInput(shop, id, request_(), body);
        const order = shop && input ? ordersOf(shop).find((o) => o.id === input.orderId) : undefined;
        // The one request that is not bad: the token's shop acting on its own order as the order allows.
        fc.pre(!(order && input && wouldSend(order, input)));
        const answer = await call(() => orderActionRoute(request_(), routeParams("orderId", id)));
        contract.check("/api/v1/orders/{order_id}/actions", "post", answer);
        expectAuthenticated(answer, shop);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        if (shop && input && !order) expect(answer.status).toBe(404);
      }),
      {
        numRuns: fuzzRuns(120),
        examples: [[`Bearer ${world().mine.token.secret}`, world().mine.orders.toAccept.id, crypto.randomUUID(), '{"action":"accept","__proto__":{}}', "application/json"]],
      },
    );
  });
});

/** The desk's input a request would become once its key and body pass, or null. */
function desiredInput(shop: FuzzShop | null, orderId: string, request_: Request, body: string) {
  if (!shop) return null;
  try {
    const key = outboxIdempotencyKey(shop.shopId, idempotencyKeyOf(request_));
    const parsed = ZApiOrderActionRequest.safeParse(JSON.parse(body));
    if (!parsed.success) return null;
    const input = ZOrderActionInput.safeParse(toOrderActionInput(parsed.data, orderId, key));
    return input.success ? input.data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// The desk's session routes

const sessionCaller = fc.constantFrom<Caller>("seller", "manager", "admin", "outsider", "nobody");

/** The caller signed in, with a current-shop cookie that may name any shop (it can be forged). */
async function signIn(who: Caller, currentShop: string | undefined) {
  signInAsCaller(world(), who);
  if (currentShop !== undefined) (await cookies()).set(CURRENT_SHOP_COOKIE, currentShop);
}

/** The orders a caller may see: those of the shops they are a member of. */
async function visibleOrders(who: Caller): Promise<Set<string>> {
  if (who === "nobody") return new Set();
  const shops = (await db.membership.findMany({ where: { userId: world().users[who].id }, select: { shopId: true } })).map((m) => m.shopId);
  return new Set((await db.order.findMany({ where: { shopId: { in: shops } }, select: { id: true } })).map((o) => o.id));
}

const currentShopCookie = () => fc.option(fc.oneof(fc.constantFrom(world().mine.shopId, world().foreign.shopId, world().spare.shopId), missingId), { nil: undefined });

describe("the desk's session routes under fuzzed requests [FUZZ]", () => {
  it("GET /api/orders: any queue URL reads orders of the caller's shops only", async () => {
    await fc.assert(
      fc.asyncProperty(sessionCaller, currentShopCookie(), queueSearch, async (who, shop, query) => {
        await signIn(who, shop);
        const answer = await call(() => queueRoute(request(`/api/orders?${query}`)));
        expect(answer.status).toBe(who === "nobody" ? 401 : 200);
        const visible = await visibleOrders(who);
        for (const row of (answer.body as { rows?: { id: string }[] }).rows ?? []) expect(visible.has(row.id)).toBe(true);
      }),
      { numRuns: fuzzRuns(80), examples: [["seller", undefined, new URLSearchParams({ q: "x\u{10ffff}" })]] },
    );
  });

  it("GET /api/orders/{id}: an order of the caller's shops, or 404 -- never 403", async () => {
    const ids = () => [...ordersOf(world().mine), ...ordersOf(world().foreign)].map((o) => o.id);
    await fc.assert(
      fc.asyncProperty(sessionCaller, pathId(ids), async (who, id) => {
        await signIn(who, undefined);
        const answer = await call(() => orderDetailRoute(request(`/api/orders/${encodeURIComponent(id)}`), routeParams("orderId", id)));
        expect(answer.status).toBe(who === "nobody" ? 401 : (await visibleOrders(who)).has(id) ? 200 : 404);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it("GET /api/orders/export: any queue URL exports the caller's orders only, and audits it", async () => {
    const orderNumbers = () => [...ordersOf(world().mine), ...ordersOf(world().foreign)].map((o) => [o.id, o.orderNumber] as const);
    const sep = fc.option(fc.oneof(fc.constantFrom("comma", "semicolon", "COMMA"), hostileString), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(sessionCaller, currentShopCookie(), queueSearch, sep, async (who, shop, query, sep) => {
        await signIn(who, shop);
        if (sep !== undefined) query.set("sep", sep.toWellFormed());
        const { outcome: answer, changed } = await fuzz.probe.observe(async () => answerOf(await exportRoute(request(`/api/orders/export?${query}`))), (a) => a.status >= 400);
        expectWellFormed(answer);
        expect(answer.status).toBe(who === "nobody" ? 401 : 200);
        expect(changed.filter((t) => t !== "AuditLog")).toEqual([]);
        const visible = await visibleOrders(who);
        for (const [id, number] of orderNumbers()) if (!visible.has(id)) expect(answer.text).not.toContain(number);
      }),
      { numRuns: fuzzRuns(50) },
    );
  });

  it("GET and POST /api/shops/{id}/sync: a member's shop only, another one is 404; a cross-site POST is refused", async () => {
    const { mine, spare, foreign } = world();
    const origin = fc.option(fc.oneof(fc.constantFrom(BASE_URL, "https://evil.example", "null", "http://127.0.0.1:3000.evil.example"), headerValue), { nil: undefined });
    const fetchSite = fc.option(fc.constantFrom("same-origin", "cross-site", "same-site", "none"), { nil: undefined });
    // "Sync now" may legitimately start only on the spare shop, whose run stops at once for want of a password.
    const shopId = (method: "GET" | "POST") => pathId(() => (method === "GET" ? [mine.shopId, spare.shopId, foreign.shopId] : [spare.shopId, foreign.shopId]));
    const call_ = fc.constantFrom<"GET" | "POST">("GET", "POST").chain((method) => fc.tuple(fc.constant(method), shopId(method)));
    await fc.assert(
      fc.asyncProperty(sessionCaller, call_, origin, fetchSite, async (who, [method, id], origin, site) => {
        // The other shop's own admin would start a real sync of it, which runs on after the answer.
        fc.pre(!(method === "POST" && who === "outsider" && id === foreign.shopId));
        await signIn(who, undefined);
        const req = request(`/api/shops/${encodeURIComponent(id)}/sync`, { method, headers: { Origin: origin, "Sec-Fetch-Site": site, Host: "127.0.0.1:3000" } });
        const answer = await call(() => (method === "GET" ? syncStatusRoute(req, routeParams("shopId", id)) : syncNowRoute(req, routeParams("shopId", id))));
        const member = who !== "nobody" && (await db.membership.count({ where: { userId: world().users[who].id, shopId: id } })) > 0;
        // An empty Origin is no Origin: browsers send "null" for an opaque one.
        const sentOrigin = req.headers.get("origin");
        const crossSite = method === "POST" && (sentOrigin ? safeHost(sentOrigin) !== "127.0.0.1:3000" : site !== undefined && site !== "same-origin");
        if (crossSite) expect(answer.status).toBe(403);
        else if (who === "nobody") expect(answer.status).toBe(401);
        else expect(answer.status).toBe(member ? (method === "GET" ? 200 : 202) : 404);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });
});

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
