// The REST API's route handlers, kept out of app/ so the routes stay one line each:
// authenticate (permission first), validate, call the use case, answer JSON or a problem.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { authenticateApiRequest } from "./authenticate";
import { buildOpenApiDocument } from "./openapi";
import { idempotencyKeyOf, readJsonBody, runApiOrderAction } from "./order-action";
import { getApiOrderOrThrow, listApiOrders } from "./orders";
import { apiJson, apiProblemResponse, parseOrThrow, withApiProblems } from "./problem";
import { ZListOrdersQuery, ZOrderIdPath } from "./schemas";

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

/** An id that cannot be an order's is answered as a missing order: the same 404, after authentication. */
async function orderIdOf({ params }: OrderRouteContext): Promise<string> {
  const parsed = ZOrderIdPath.safeParse((await params).orderId);
  if (!parsed.success) throw new AppError("NOT_FOUND", { message: "Malformed order id" });
  return parsed.data;
}

export function getOrderRoute(request: Request, context: OrderRouteContext): Promise<Response> {
  return withApiProblems(async () => {
    const caller = await authenticateApiRequest(request, "orders.read");
    return apiJson(await getApiOrderOrThrow(db, { shopId: caller.shopId, orderId: await orderIdOf(context) }));
  });
}

/** 200 once the action is settled (succeeded, or failed with Cdiscount's words); 202 while it is still to be sent. */
export function orderActionRoute(request: Request, context: OrderRouteContext): Promise<Response> {
  return withApiProblems(async () => {
    const caller = await authenticateApiRequest(request, "orders.act");
    const orderId = await orderIdOf(context);
    const idempotencyKey = idempotencyKeyOf(request);
    const body = await readJsonBody(request);
    const outcome = await runApiOrderAction(db, { caller, orderId, idempotencyKey, body });
    return apiJson(outcome, outcome.status === "succeeded" || outcome.status === "failed" ? 200 : 202);
  });
}

export function openApiRoute(): Response {
  return apiJson(buildOpenApiDocument());
}

/** The methods a route does not answer: 405 as problem+json, with Allow (Next's own 405 has no body). */
export function methodNotAllowed(...allowed: string[]): () => Response {
  return () => {
    const response = apiProblemResponse(new AppError("METHOD_NOT_ALLOWED", { message: `Allowed: ${allowed.join(", ")}` }));
    response.headers.set("Allow", allowed.join(", "));
    return response;
  };
}

/** Any other path under /api/v1: a problem+json 404, like every error of the API. */
export function unknownApiRoute(): Response {
  return apiProblemResponse(new AppError("NOT_FOUND", { message: "No such API route", userMessage: "No such API route: see /api/v1/openapi.json." }));
}
