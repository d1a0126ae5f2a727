// The REST API's route handlers, kept out of app/ so the routes stay one line each:
// authenticate (permission first), validate, call the use case, answer JSON or a problem.
import "server-only";
import { db } from "@/lib/db/client";
import { authenticateApiRequest } from "./authenticate";
import { buildOpenApiDocument } from "./openapi";
import { idempotencyKeyOf, readJsonBody, runApiOrderAction } from "./order-action";
import { getApiOrderOrThrow, listApiOrders } from "./orders";
import { apiJson, parseOrThrow, withApiProblems } from "./problem";
import { ZListOrdersQuery } from "./schemas";

export type OrderRouteContext = { params: Promise<{ orderId: string }> };

/** A repeated parameter stays a list, which the schema refuses: one value each. */
function queryOf(url: string): Record<string, string | string[]> {
  const params = new URL(url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => {
    const values = params.getAll(key);
    return [key, values.length === 1 ? values[0]! : values];
  }));
}

export function listOrdersRoute(request: Request): Promise<Response> {
  return withApiProblems(async () => {
    const caller = await authenticateApiRequest(request, "orders.read");
    const query = parseOrThrow(ZListOrdersQuery, queryOf(request.url));
    return apiJson(await listApiOrders(db, { shopId: caller.shopId, query }));
  });
}

export function getOrderRoute(request: Request, { params }: OrderRouteContext): Promise<Response> {
  return withApiProblems(async () => {
    const caller = await authenticateApiRequest(request, "orders.read");
    return apiJson(await getApiOrderOrThrow(db, { shopId: caller.shopId, orderId: (await params).orderId }));
  });
}

/** 200 once the action is settled (succeeded, or failed with Cdiscount's words); 202 while it is still to be sent. */
export function orderActionRoute(request: Request, { params }: OrderRouteContext): Promise<Response> {
  return withApiProblems(async () => {
    const caller = await authenticateApiRequest(request, "orders.act");
    const idempotencyKey = idempotencyKeyOf(request);
    const body = await readJsonBody(request);
    const outcome = await runApiOrderAction(db, { caller, orderId: (await params).orderId, idempotencyKey, body });
    return apiJson(outcome, outcome.status === "succeeded" || outcome.status === "failed" ? 200 : 202);
  });
}

export function openApiRoute(): Response {
  return apiJson(buildOpenApiDocument());
}
