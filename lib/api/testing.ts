// The REST API's tests call the route handlers of app/api/v1 with real Requests, and
// check every answer against the OpenAPI document the API serves (a contract test on
// each call), with a maintained JSON Schema validator.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { GET as listOrders } from "@/app/api/v1/orders/route";
import { GET as getOrder } from "@/app/api/v1/orders/[orderId]/route";
import { POST as orderAction } from "@/app/api/v1/orders/[orderId]/actions/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "./openapi";

export const BASE_URL = "http://127.0.0.1:3000";

export interface ApiCall {
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  components: { responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> };
};

const DOCUMENT_ID = "https://desk.test/openapi.json";

/** The document's response schemas, compiled once; a response must match its operation's. */
export class ContractChecker {
  readonly document = buildOpenApiDocument() as unknown as OpenApiDocument;
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });

  constructor() {
    addFormats(this.ajv);
    this.ajv.addSchema(this.document, DOCUMENT_ID);
  }

  /** Throws unless `body` is what the document promises for this operation, status and content type. */
  check(pathTemplate: string, method: string, answer: ApiAnswer<unknown>): void {
    const operation = this.document.paths[pathTemplate]?.[method];
    if (!operation) throw new Error(`No ${method.toUpperCase()} ${pathTemplate} in the OpenAPI document`);
    let response = operation.responses[String(answer.status)];
    if (!response) throw new Error(`${method.toUpperCase()} ${pathTemplate}: status ${answer.status} is not documented`);
    if (response.$ref) response = this.document.components.responses[response.$ref.split("/").pop()!]!;
    const mediaType = answer.contentType.split(";")[0]!.trim();
    const schema = response.content?.[mediaType]?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${pathTemplate} ${answer.status}: content type ${mediaType} is not documented`);
    const validate = schema.$ref ? this.ajv.getSchema(`${DOCUMENT_ID}${schema.$ref}`) : this.ajv.compile(schema);
    if (!validate) throw new Error(`Unresolvable schema ${schema.$ref}`);
    if (!validate(answer.body)) {
      throw new Error(`${method.toUpperCase()} ${pathTemplate} ${answer.status} breaks the contract: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body, null, 1).slice(0, 2_000)}`);
    }
  }
}

const ROUTES: { pattern: RegExp; template: string; method: string; handle: (request: Request, orderId: string) => Promise<Response> | Response }[] = [
  { pattern: /^\/api\/v1\/orders$/, template: "/api/v1/orders", method: "get", handle: (r) => listOrders(r) },
  { pattern: /^\/api\/v1\/orders\/([^/]+)$/, template: "/api/v1/orders/{order_id}", method: "get", handle: (r, id) => getOrder(r, { params: Promise.resolve({ orderId: id }) }) },
  { pattern: /^\/api\/v1\/orders\/([^/]+)\/actions$/, template: "/api/v1/orders/{order_id}/actions", method: "post", handle: (r, id) => orderAction(r, { params: Promise.resolve({ orderId: id }) }) },
  { pattern: /^\/api\/v1\/openapi\.json$/, template: "/api/v1/openapi.json", method: "get", handle: () => openApi() },
];

/** One request through the app's route handlers; the answer is checked against the contract. */
export async function callApi<T = Record<string, unknown>>(contract: ContractChecker, method: "GET" | "POST", pathAndQuery: string, call: ApiCall = {}): Promise<ApiAnswer<T>> {
  const url = new URL(pathAndQuery, BASE_URL);
  const route = ROUTES.find((r) => r.method === method.toLowerCase() && r.pattern.test(url.pathname));
  if (!route) throw new Error(`No route for ${method} ${url.pathname}`);
  const headers = new Headers(call.headers);
  if (call.token) headers.set("Authorization", `Bearer ${call.token}`);
  if (call.body !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(url, { method, headers, body: call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body) });
  const response = await route.handle(request, decodeURIComponent(route.pattern.exec(url.pathname)?.[1] ?? ""));
  const answer: ApiAnswer<T> = { status: response.status, contentType: response.headers.get("content-type") ?? "", headers: response.headers, body: (await response.json()) as T };
  contract.check(route.template, route.method, answer);
  return answer;
}
