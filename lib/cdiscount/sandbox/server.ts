// The sandbox over HTTP: the STS token endpoint and MarketplaceAPIService.svc on
// Cdiscount's paths, SOAP in and out, plus a JSON admin API under /__admin/ for tests
// (accounts, seeding, state, fault injection, clock, call log). Loopback only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  faultEnvelope,
  isOperation,
  parseRequestEnvelope,
  responseEnvelope,
  resultMembers,
  soapAction,
  tokenResponse,
  type BaseResult,
  type Operation,
} from "../protocol/envelope";
import {
  decodeOrderFilter,
  decodeRefundRequest,
  decodeValidateOrderList,
  encodeCarrierList,
  encodeOrderListResult,
  encodeRefundResult,
  encodeValidateOrderResults,
} from "../protocol/operations";
import { SERVICE_PATH, STS_PATH } from "../protocol/envelope";
import { XmlFormatError } from "../xml/read";
import { BusinessError, Sandbox, type SandboxConfig } from "./sandbox";
import type { OrderKind } from "./lifecycle";
import { revive, SandboxStore } from "./store";
import { el, rawXml } from "../xml/build";
import { encodeOrder } from "../protocol/orders";

export const FAULT_KINDS = ["http500", "latency", "soapFault", "tokenInvalid", "stsHtml", "malformedXml", "truncatedXml", "quota", "validateFalse", "resultMissing"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const STS_HTML = `<!DOCTYPE html><html><head><title>Cdiscount STS</title></head><body><h1>Welcome on Cdiscount STS</h1><script>var _0x1a2b=["\\x63\\x68\\x65\\x63\\x6b"];</script></body></html>`;

interface Reply {
  status: number;
  body: string;
  contentType: string;
}

const xml = (body: string, status = 200): Reply => ({ status, body, contentType: "text/xml; charset=utf-8" });
const json = (value: unknown, status = 200): Reply => ({ status, body: JSON.stringify(value), contentType: "application/json" });

function base(login: string | null, token: string | null, overrides: Partial<BaseResult> = {}): BaseResult {
  return { operationSuccess: true, errorMessage: null, errors: [], sellerLogin: login, tokenId: token, ...overrides };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export class SandboxServer {
  private server?: http.Server;

  constructor(readonly sandbox: Sandbox) {}

  async listen(port = 0, host = "127.0.0.1"): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.handle(req)
        .then(async (reply) => {
          res.writeHead(reply.status, { "Content-Type": reply.contentType });
          res.end(reply.body);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "Content-Type": "text/plain" });
          res.end(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
    // Clients keep connections alive between calls; closing them sooner than the client
    // expects makes a reused socket fail mid-request.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const address = this.server.address() as AddressInfo;
    return `http://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (url.pathname.startsWith("/__admin/")) return this.admin(req, url);
    if (url.pathname === STS_PATH || url.pathname === STS_PATH.replace(/\/$/, "")) return this.sts(req);
    if (url.pathname === SERVICE_PATH && req.method === "POST") return this.soap(req, await readBody(req));
    return { status: 404, body: "Not found", contentType: "text/plain" };
  }

  // ---------------------------------------------------------------- STS
  private async sts(req: http.IncomingMessage): Promise<Reply> {
    const header = req.headers.authorization ?? "";
    const [login, ...rest] = Buffer.from(header.replace(/^Basic\s+/i, ""), "base64").toString("utf8").split(":");
    const password = rest.join(":");
    const known = login ? this.sandbox.store.account(login) : undefined;
    const fault = this.takeFault(known ? login! : null, "STS");
    this.sandbox.store.recordCall(known ? login! : null, "STS", this.sandbox.now(), null, fault?.kind);
    if (fault?.kind === "latency") await sleep(Number(fault.params.ms ?? 5_000));
    if (fault?.kind === "stsHtml") return { status: 200, body: STS_HTML, contentType: "text/html; charset=utf-8" };
    if (fault?.kind === "http500") return { status: 500, body: "<html><body>Internal Server Error</body></html>", contentType: "text/html" };
    const token = login ? this.sandbox.issueToken(login, password) : null;
    if (!token) return { status: 401, body: "Unauthorized", contentType: "text/plain" };
    return xml(tokenResponse(token));
  }

  private takeFault(login: string | null, operation: string) {
    return this.sandbox.store.takeFault(login, operation);
  }

  // ---------------------------------------------------------------- SOAP
  private async soap(req: http.IncomingMessage, body: string): Promise<Reply> {
    let parsed;
    try {
      parsed = parseRequestEnvelope(body);
    } catch (error) {
      return xml(faultEnvelope("s:Client", error instanceof XmlFormatError ? "Le message reçu n'est pas un XML valide." : "Requête invalide."), 400);
    }
    const operation = parsed.operation;
    const action = String(req.headers.soapaction ?? "").replace(/^"|"$/g, "");
    if (!isOperation(operation) || action !== soapAction(operation)) {
      return xml(faultEnvelope("a:ActionNotSupported", `The message with Action '${action}' cannot be processed at the receiver.`), 500);
    }
    const tokenLogin = this.sandbox.loginOfToken(parsed.tokenId);
    const fault = this.takeFault(tokenLogin ?? null, operation);
    if (fault?.kind === "tokenInvalid") this.sandbox.store.revokeTokens(tokenLogin ?? null);
    const login = fault?.kind === "tokenInvalid" ? undefined : tokenLogin;
    this.sandbox.store.recordCall(login ?? null, operation, this.sandbox.now(), callDetail(operation, parsed.argument), fault?.kind);
    if (fault?.kind === "latency") await sleep(Number(fault.params.ms ?? 5_000));
    if (!login) return xml(faultEnvelope("s:RequestTokenValidationError", "Token id is not correctly formatted."), 500);
    if (fault?.kind === "http500") return { status: 500, body: "<html><body><h1>Server Error</h1></body></html>", contentType: "text/html" };
    if (fault?.kind === "soapFault") return xml(faultEnvelope("a:InternalServiceFault", "Object reference not set to an instance of an object."), 500);
    const quota = fault?.kind === "quota" || this.sandbox.overQuota(login);
    if (quota) {
      return xml(responseEnvelope(operation, resultMembers(base(login, parsed.tokenId, { operationSuccess: false, errorMessage: "Quota atteint, veuillez réessayer plus tard.", errors: [{ type: "Quota", message: "Quota atteint, veuillez réessayer plus tard." }] }), emptyOwn(operation))));
    }
    let reply: string;
    try {
      reply = this.operation(operation, login, parsed.tokenId, parsed.argument, {
        forcedRefusal: fault?.kind === "validateFalse" ? String(fault.params.message ?? "La commande ne peut pas être validée pour le moment.") : undefined,
        omitResults: fault?.kind === "resultMissing",
      });
    } catch (error) {
      if (!(error instanceof BusinessError)) throw error;
      reply = responseEnvelope(operation, resultMembers(base(login, parsed.tokenId, { operationSuccess: false, errorMessage: error.message, errors: error.errors }), emptyOwn(operation)));
    }
    if (fault?.kind === "malformedXml") return xml(reply.replace(/<\/s:Body>/, "<oops></s:Body>"));
    if (fault?.kind === "truncatedXml") return xml(reply.slice(0, Math.max(40, Math.floor(reply.length / 2))));
    return xml(reply);
  }

  /** forcedRefusal: every order refused with this message; omitResults: orders validated, their results left out of the answer. */
  private operation(
    operation: Operation,
    login: string,
    token: string | null,
    argument: Parameters<typeof decodeOrderFilter>[0],
    { forcedRefusal, omitResults = false }: { forcedRefusal?: string; omitResults?: boolean } = {},
  ): string {
    switch (operation) {
      case "GetOrderList": {
        const filter = decodeOrderFilter(argument);
        const rows = this.sandbox.getOrderList(login, filter);
        const opts = { withLines: Boolean(filter.fetchOrderLines), withParcels: Boolean(filter.fetchParcels) };
        // Orders with lines and without parcels are encoded once, when saved.
        const cached = opts.withLines && !opts.withParcels;
        const orders = rows.map((r) => (cached && r.xml !== null ? rawXml(r.xml) : encodeOrder(SandboxStore.entryOf(r).order, opts)));
        return responseEnvelope(operation, resultMembers(base(login, token), { OrderList: el("OrderList", orders) }));
      }
      case "ValidateOrderList": {
        const results = this.sandbox.validateOrders(login, decodeValidateOrderList(argument), forcedRefusal);
        const failed = results.filter((r) => !r.validated);
        const errorMessage = failed.length ? failed.map((r) => `${r.orderNumber} error: ${r.errors[0]?.message ?? ""}`).join(" ") : null;
        return responseEnvelope(operation, resultMembers(base(login, token, { errorMessage }), encodeValidateOrderResults(omitResults ? [] : results)));
      }
      case "CreateRefundVoucher": {
        const result = this.sandbox.refund(login, decodeRefundRequest(argument));
        return responseEnvelope(operation, resultMembers(base(login, token), encodeRefundResult(result)));
      }
      case "GetGlobalConfiguration":
        return responseEnvelope(operation, resultMembers(base(login, token), encodeCarrierList([...this.sandbox.carriers()])));
    }
  }

  // ---------------------------------------------------------------- admin (JSON)
  private async admin(req: http.IncomingMessage, url: URL): Promise<Reply> {
    const body = req.method === "POST" ? (JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>) : {};
    const route = `${req.method} ${url.pathname.slice("/__admin".length)}`;
    const login = (url.searchParams.get("login") ?? (body.login as string | undefined)) || undefined;
    switch (route) {
      case "GET /health":
        return json({ status: "ok", now: new Date(this.sandbox.now()).toISOString() });
      case "GET /accounts":
        return json(this.sandbox.store.accounts().map((a) => ({ login: a, orders: this.sandbox.store.countOrders(a) })));
      case "POST /accounts":
        this.sandbox.createAccount(String(body.login), String(body.password));
        return json({ login: body.login });
      case "POST /seed": {
        if (!login) return json({ error: "login required" }, 400);
        const numbers = this.sandbox.seed(login, Number(body.count ?? 10), {
          days: body.days === undefined ? undefined : Number(body.days),
          kind: body.kind as OrderKind | undefined,
          state: body.state === "fresh" ? "fresh" : undefined,
          frozen: body.frozen === true,
        });
        return json({ orderNumbers: numbers });
      }
      case "POST /orders": {
        if (!login) return json({ error: "login required" }, 400);
        // One entry, or many in one transaction (tests that shape hundreds of orders).
        const entries = Array.isArray(body.entries) ? body.entries : [body.entry];
        this.sandbox.store.transaction(() => entries.forEach((entry) => this.sandbox.putOrder(login, reviveEntry(entry))));
        return json({ ok: true });
      }
      case "GET /state": {
        if (!login) return json({ error: "login required" }, 400);
        this.sandbox.tick();
        return json({ now: new Date(this.sandbox.now()).toISOString(), orders: this.sandbox.store.allOrders(login).map((e) => e.order) });
      }
      case "GET /order": {
        const entry = login ? this.sandbox.store.order(login, url.searchParams.get("orderNumber") ?? "") : undefined;
        return entry ? json(entry) : json({ error: "not found" }, 404);
      }
      case "POST /faults": {
        const kind = String(body.kind) as FaultKind;
        if (!(FAULT_KINDS as readonly string[]).includes(kind)) return json({ error: `unknown fault kind ${kind}` }, 400);
        const id = this.sandbox.store.addFault({
          login: login ?? null,
          operation: (body.operation as string | undefined) ?? null,
          kind,
          remaining: Number(body.count ?? 1),
          params: (body.params as Record<string, unknown> | undefined) ?? {},
        });
        return json({ id });
      }
      case "GET /faults":
        return json(this.sandbox.store.faults());
      case "POST /faults/clear":
        this.sandbox.store.clearFaults();
        return json({ ok: true });
      case "POST /clock/advance":
        return json({ now: new Date(this.sandbox.advanceClock(Number(body.ms ?? 0))).toISOString() });
      case "POST /config":
        return json(this.sandbox.setConfig(body as Partial<SandboxConfig>));
      case "GET /config":
        return json(this.sandbox.config);
      case "GET /calls":
        return json(this.sandbox.store.calls(login, url.searchParams.get("operation") ?? undefined));
      case "POST /reset":
        this.sandbox.store.reset();
        return json({ ok: true });
      default:
        return json({ error: `no admin route ${route}` }, 404);
    }
  }
}

function emptyOwn(operation: Operation) {
  switch (operation) {
    case "GetOrderList":
      return encodeOrderListResult([], { withLines: false, withParcels: false });
    case "ValidateOrderList":
      return encodeValidateOrderResults([]);
    case "CreateRefundVoucher":
      return encodeRefundResult({ orderNumber: null, sellerRefunds: [], commercialGestures: [] });
    case "GetGlobalConfiguration":
      return encodeCarrierList([]);
  }
}

/** What the call log keeps of a request: enough for tests to count marketplace effects. */
function callDetail(operation: string, argument: Parameters<typeof decodeOrderFilter>[0]): unknown {
  try {
    if (operation === "ValidateOrderList") {
      return decodeValidateOrderList(argument).map((o) => ({ orderNumber: o.orderNumber, orderState: o.orderState, trackingNumber: o.trackingNumber }));
    }
    if (operation === "CreateRefundVoucher") return { orderNumber: decodeRefundRequest(argument).orderNumber };
    if (operation === "GetOrderList") {
      const f = decodeOrderFilter(argument);
      return { states: f.states?.length ?? 0, orderReferenceList: f.orderReferenceList?.length, begin: f.beginModificationDate ?? f.beginCreationDate, end: f.endModificationDate ?? f.endCreationDate };
    }
  } catch {
    return { unreadable: true };
  }
  return null;
}

function reviveEntry(value: unknown) {
  return JSON.parse(JSON.stringify(value), revive);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
