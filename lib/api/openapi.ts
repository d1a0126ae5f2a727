// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from the zod
// schemas the handlers validate and answer with (schemas.ts), so it cannot drift from
// them. JSON Schema 2020-12, OpenAPI 3.1's own dialect, is what z.toJSONSchema writes.
import { z } from "zod";
import { API_TOKEN_PREFIX } from "./tokens/token-secret";
import { PROBLEM_CONTENT_TYPE } from "./problem";
import { REQUEST_SCHEMAS, RESPONSE_SCHEMAS, ZIdempotencyKeyHeader, ZListOrdersQuery, ZOrderIdPath } from "./schemas";
import { IDEMPOTENCY_KEY_HEADER } from "./order-action";

type JsonSchema = Record<string, unknown>;

const SCHEMA_URI = (id: string) => `#/components/schemas/${id}`;
const ref = (id: string) => ({ $ref: SCHEMA_URI(id) });

/** Each registry's schemas, referring to one another; the per-document keywords dropped. */
function componentSchemas(registry: typeof REQUEST_SCHEMAS, io: "input" | "output"): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { io, uri: SCHEMA_URI });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}

/** The list's query string, one parameter per property of its schema. */
function queryParameters(): JsonSchema[] {
  const schema = z.toJSONSchema(ZListOrdersQuery, { io: "input" }) as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties).map(([name, { description, ...property }]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref("Problem") } } });
const problems = (...names: (keyof typeof PROBLEM_RESPONSES)[]) => Object.fromEntries(names.map((n) => [PROBLEM_RESPONSES[n].status, { $ref: `#/components/responses/${n}` }]));

const PROBLEM_RESPONSES = {
  Unauthenticated: { status: "401", description: "No token, or an unknown, malformed or revoked one (its creator disabled or gone from the shop counts as revoked)." },
  Forbidden: { status: "403", description: "The token's creator may not do this in the shop (e.g. a manager's token cannot act on orders)." },
  NotFound: { status: "404", description: "No such order in the token's shop (another shop's order is answered the same)." },
  Conflict: { status: "409", description: "Not possible in the order's current state, another action is being sent for the order, or the Idempotency-Key was used for another action." },
  PayloadTooLarge: { status: "413", description: "The body is over 64 KiB." },
  InvalidInput: { status: "422", description: "Invalid parameters, header or body: `errors` lists each field with a code and a detail." },
  Internal: { status: "500", description: "An unexpected error; `detail` carries a reference to quote to support. Safe to retry an action with the same Idempotency-Key." },
} as const;

/** A path or header parameter from the zod schema its handler validates with. */
function parameter(name: string, location: "path" | "header", schema: z.ZodType): JsonSchema {
  const { $schema: _schema, description, ...rest } = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
  return { name, in: location, required: true, ...(description ? { description } : {}), schema: rest };
}

const ORDER_ID = parameter("order_id", "path", ZOrderIdPath);

let cached: JsonSchema | undefined;

export function buildOpenApiDocument(): JsonSchema {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Cdiscount Order Desk API",
      version: "1.0.0",
      description:
        "Import a shop's Cdiscount orders into a back office and act on them. Create a token in the desk (Shops → Manage → API tokens) and send it as `Authorization: Bearer " +
        API_TOKEN_PREFIX +
        "…`. Errors are RFC 9457 problem details (`application/problem+json`), for unknown paths (404) and methods (405) too.",
    },
    security: [{ apiToken: [] }],
    paths: {
      "/api/v1/orders": {
        get: {
          operationId: "listOrders",
          summary: "The shop's orders, oldest marketplace update first, a page at a time.",
          description:
            "Pages follow `next_cursor` until it is null. To import changes, ask again from your last `updated_at` minus a margin (the desk fetches from Cdiscount with a 90-minute overlap): orders are upserted by `id`.",
          parameters: queryParameters(),
          responses: { "200": { description: "A page of orders.", content: json(ref("OrderPage")) }, ...problems("Unauthenticated", "Forbidden", "InvalidInput", "Internal") },
        },
      },
      "/api/v1/orders/{order_id}": {
        get: {
          operationId: "getOrder",
          summary: "One order of the shop.",
          parameters: [ORDER_ID],
          responses: { "200": { description: "The order.", content: json(ref("Order")) }, ...problems("Unauthenticated", "Forbidden", "NotFound", "Internal") },
        },
      },
      "/api/v1/orders/{order_id}/actions": {
        post: {
          operationId: "runOrderAction",
          summary: "Accept, refuse, ship, refuse the shipment of, or refund an order, as the desk's buttons do.",
          description:
            "The same rules as the desk: the order's status must allow the action (`allowed_actions`), and tracked (TRK) or registered (REG) orders need a carrier and a tracking number. Cdiscount is called at most once per Idempotency-Key: a retry with the same key gets the first request's outcome.",
          parameters: [ORDER_ID, parameter(IDEMPOTENCY_KEY_HEADER, "header", ZIdempotencyKeyHeader)],
          requestBody: { required: true, content: json(ref("OrderActionRequest")) },
          responses: {
            "200": { description: "Settled: `succeeded` (with the order's new status) or `failed` (with Cdiscount's message).", content: json(ref("ActionOutcome")) },
            "202": { description: "Not settled yet: `queued` (Cdiscount could not be reached; the desk retries) or `in_progress`.", content: json(ref("ActionOutcome")) },
            ...problems("Unauthenticated", "Forbidden", "NotFound", "Conflict", "PayloadTooLarge", "InvalidInput", "Internal"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document.",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: json({ type: "object" }) } },
        },
      },
    },
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", bearerFormat: `${API_TOKEN_PREFIX}…`, description: "A shop's API token, created by an admin of the shop." },
      },
      responses: Object.fromEntries(Object.entries(PROBLEM_RESPONSES).map(([name, { description }]) => [name, problem(description)])),
      schemas: { ...componentSchemas(RESPONSE_SCHEMAS, "output"), ...componentSchemas(REQUEST_SCHEMAS, "input") },
    },
  };
  return cached;
}
