// The classic Cdiscount Marketplace SOAP client (reference §1): token from the STS,
// headerMessage on every call, the three error layers as typed errors, retries with
// exponential backoff and jitter, a per-shop concurrency limit, and input checked
// before anything is sent.
import { MarketplaceError, isMarketplaceError } from "./errors";
import type { Endpoints } from "./endpoints";
import type { MarketplaceClient, OrderListResult, ValidationOutcome } from "./marketplace-client";
import {
  parseResponseEnvelope,
  parseTokenResponse,
  requestEnvelope,
  soapAction,
  type BaseResult,
  type Operation,
} from "./protocol/envelope";
import {
  decodeCarrierList,
  decodeOrderListResult,
  decodeRefundResult,
  decodeValidateOrderResults,
  encodeOrderFilter,
  encodeRefundRequest,
  encodeValidateOrderList,
} from "./protocol/operations";
import type { XmlElement } from "./xml/build";
import { XmlFormatError, type XmlNode } from "./xml/read";
import { Semaphore } from "./concurrency";
import { ZShipment } from "@/lib/orders/shipment-schema";
import type { Carrier, OrderFilter, RefundRequest, RefundResult, ValidateOrder } from "./types";
import { REFUND_MODES, REFUND_MOTIVES } from "./types";

export interface CdiscountCredentials {
  login: string;
  password: string;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface CdiscountClientOptions {
  endpoints: Endpoints;
  credentials: CdiscountCredentials;
  /** Shares the token and the concurrency limit between clients of the same shop. */
  shopKey: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  concurrency?: number;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Tokens live 48 h (reference §1.2); a fresh one is taken an hour before. */
const TOKEN_LIFETIME_MS = 47 * 3_600_000;
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 15_000 };
/** Quota errors mean "too many calls": wait longer before the next one. */
const QUOTA_DELAY_FACTOR = 4;

interface CachedToken {
  token: string;
  expiresAt: number;
}
const tokens = new Map<string, Promise<CachedToken>>();
const limits = new Map<string, Semaphore>();

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function looksLikeHtml(body: string, contentType: string | null): boolean {
  return /text\/html/i.test(contentType ?? "") || /^\s*(<!doctype html|<html)/i.test(body);
}

/** Network failures where the request never left this machine. */
function neverSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
}

export class CdiscountSoapClient implements MarketplaceClient {
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly tokenKey: string;
  private readonly limit: Semaphore;

  constructor(private readonly options: CdiscountClientOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    // The password is part of the key: a changed password must not reuse the old token.
    this.tokenKey = `${options.shopKey}\0${options.endpoints.tokenUrl}\0${options.credentials.login}\0${options.credentials.password}`;
    let limit = limits.get(options.shopKey);
    if (!limit) limits.set(options.shopKey, (limit = new Semaphore(options.concurrency ?? 2)));
    this.limit = limit;
  }

  // ------------------------------------------------------------ operations

  async getOrders(filter: OrderFilter): Promise<OrderListResult> {
    // Cdiscount silently ignores date filters sent without states (reference §1.5).
    const hasDates = filter.beginCreationDate || filter.endCreationDate || filter.beginModificationDate || filter.endModificationDate;
    if (hasDates && !filter.states?.length && !filter.orderReferenceList) {
      throw new MarketplaceError("business", "GetOrderList", { message: "date filters need a States filter", notSent: true });
    }
    return this.call("GetOrderList", encodeOrderFilter(filter), "read", (result) => decodeOrderListResult(result));
  }

  async validateOrders(orders: ValidateOrder[]): Promise<ValidationOutcome[]> {
    const outcomes = new Map<string, ValidationOutcome>();
    const toSend: ValidateOrder[] = [];
    for (const order of orders) {
      const problem = validationProblem(order);
      if (problem) outcomes.set(order.orderNumber, localFailure(order.orderNumber, problem));
      else toSend.push(order);
    }
    if (toSend.length) {
      const results = await this.call("ValidateOrderList", encodeValidateOrderList(toSend), "write", (result) => decodeValidateOrderResults(result));
      for (const r of results) outcomes.set(r.orderNumber, { ...r, source: "marketplace" });
      for (const order of toSend) {
        if (!outcomes.has(order.orderNumber)) {
          outcomes.set(order.orderNumber, { orderNumber: order.orderNumber, validated: false, errors: [], warnings: [], lineResults: [], source: "unanswered" });
        }
      }
    }
    return orders.map((o) => outcomes.get(o.orderNumber)!);
  }

  async createRefund(request: RefundRequest): Promise<RefundResult> {
    const problem = refundProblem(request);
    if (problem) throw new MarketplaceError("business", "CreateRefundVoucher", { message: problem, marketplaceMessage: problem, notSent: true });
    return this.call("CreateRefundVoucher", encodeRefundRequest(request), "write", (result) => decodeRefundResult(result));
  }

  async getCarriers(): Promise<Carrier[]> {
    return this.call("GetGlobalConfiguration", undefined, "read", (result) => decodeCarrierList(result));
  }

  // ------------------------------------------------------------ token

  private token(forceRefresh = false): Promise<CachedToken> {
    const cached = tokens.get(this.tokenKey);
    if (cached && !forceRefresh) {
      return cached.then((t) => (t.expiresAt > this.now() ? t : this.token(true)));
    }
    const fresh = this.fetchToken();
    tokens.set(this.tokenKey, fresh);
    fresh.catch(() => {
      if (tokens.get(this.tokenKey) === fresh) tokens.delete(this.tokenKey);
    });
    return fresh;
  }

  private async fetchToken(): Promise<CachedToken> {
    const { login, password } = this.options.credentials;
    const started = this.now();
    const response = await this.send("STS", this.options.endpoints.tokenUrl, {
      method: "GET",
      headers: { Authorization: `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}` },
    });
    const body = await response.text();
    if (response.status === 401 || response.status === 403) {
      throw new MarketplaceError("authentication", "STS", { message: `the API login or password was refused (HTTP ${response.status})`, httpStatus: response.status });
    }
    if (looksLikeHtml(body, response.headers.get("content-type"))) {
      throw new MarketplaceError("stsHtml", "STS", { message: `the token service answered an HTML page (HTTP ${response.status}) instead of a token`, httpStatus: response.status });
    }
    if (response.status >= 500) throw new MarketplaceError("server", "STS", { message: `HTTP ${response.status}`, httpStatus: response.status });
    if (!response.ok) throw new MarketplaceError("authentication", "STS", { message: `HTTP ${response.status}`, httpStatus: response.status });
    let token: string | null;
    try {
      token = parseTokenResponse(body);
    } catch (cause) {
      throw new MarketplaceError("malformed", "STS", { message: "the token answer is not XML", cause });
    }
    if (!token || !/^[A-Za-z0-9]+$/.test(token)) throw new MarketplaceError("malformed", "STS", { message: "the token answer holds no token" });
    return { token, expiresAt: started + TOKEN_LIFETIME_MS };
  }

  // ------------------------------------------------------------ transport

  private async send(operation: string, url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (cause) {
      const name = (cause as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new MarketplaceError("timeout", operation, { message: `no answer within ${this.timeoutMs} ms`, cause });
      }
      throw new MarketplaceError("network", operation, { message: "network error", notSent: neverSent(cause), cause });
    }
  }

  private async attempt<T>(operation: Operation, argument: XmlElement | undefined, decode: (result: XmlNode, base: BaseResult) => T, tokenId: string): Promise<T> {
    const response = await this.send(operation, this.options.endpoints.serviceUrl, {
      method: "POST",
      headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${soapAction(operation)}"` },
      body: requestEnvelope(operation, tokenId, argument),
    });
    let body: string;
    try {
      body = await response.text();
    } catch (cause) {
      throw new MarketplaceError("network", operation, { message: "the answer was cut off", cause });
    }
    if (response.status >= 500 && !/Fault/.test(body)) {
      throw new MarketplaceError("server", operation, { message: `HTTP ${response.status}`, httpStatus: response.status });
    }
    if (looksLikeHtml(body, response.headers.get("content-type"))) {
      throw new MarketplaceError(response.status >= 500 ? "server" : "malformed", operation, { message: `HTTP ${response.status} with an HTML page`, httpStatus: response.status });
    }
    let parsed;
    try {
      parsed = parseResponseEnvelope(body, operation);
    } catch (cause) {
      const detail = cause instanceof XmlFormatError ? cause.message : "unreadable answer";
      throw new MarketplaceError("malformed", operation, { message: `${detail} (HTTP ${response.status})`, httpStatus: response.status, cause });
    }
    if ("fault" in parsed) {
      // WCF's InternalServiceFault is an exception inside Cdiscount's service (reference
      // §1.4, ISS #23 and #27): a server error like an HTTP 500, which may pass later.
      // Other faults reject the call itself.
      const code = parsed.fault.code;
      const kind = code === "RequestTokenValidationError" ? "token" : code === "InternalServiceFault" ? "server" : "soapFault";
      throw new MarketplaceError(kind, operation, {
        message: `SOAP fault ${parsed.fault.code}`,
        httpStatus: response.status,
        marketplaceMessage: parsed.fault.message,
      });
    }
    const { base, result } = parsed;
    if (!base.operationSuccess) {
      const quota = base.errors.some((e) => e.type === "Quota");
      const marketplaceMessage = base.errorMessage ?? base.errors[0]?.message ?? undefined;
      throw new MarketplaceError(quota ? "quota" : "business", operation, {
        message: quota ? "call quota exceeded" : "the operation was refused",
        marketplaceMessage,
        errors: base.errors,
      });
    }
    try {
      return decode(result, base);
    } catch (cause) {
      throw new MarketplaceError("malformed", operation, { message: cause instanceof Error ? cause.message : "unreadable result", cause });
    }
  }

  /**
   * One operation with its retries. Reads are retried on every transient failure. Writes
   * (ValidateOrderList, CreateRefundVoucher) only when Cdiscount surely did not apply
   * them -- the request never left, or a Quota refusal -- because after a timeout the
   * outcome is unknown: the caller re-reads the order before trying again.
   */
  private call<T>(operation: Operation, argument: XmlElement | undefined, kind: "read" | "write", decode: (result: XmlNode, base: BaseResult) => T): Promise<T> {
    return this.limit.run(async () => {
      let tokenRefreshed = false;
      for (let attempt = 1; ; attempt++) {
        try {
          const { token } = await this.token();
          return await this.attempt(operation, argument, decode, token);
        } catch (error) {
          if (!isMarketplaceError(error)) throw error;
          if (error.kind === "token" && !tokenRefreshed) {
            // An expired or revoked token: take a new one and try once more, whatever the operation.
            tokenRefreshed = true;
            await this.token(true).catch(() => undefined);
            attempt--;
            continue;
          }
          const safeToRepeat = kind === "read" || error.notSent || error.kind === "quota" || error.operation === "STS";
          if (!error.retryable || !safeToRepeat || attempt >= this.retry.attempts) throw error;
          await this.sleep(this.backoff(attempt, error.kind === "quota"));
        }
      }
    });
  }

  private backoff(attempt: number, quota: boolean): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1) * (quota ? QUOTA_DELAY_FACTOR : 1));
    // Full jitter between half and all of the ceiling: retries from many shops spread out.
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}

function localFailure(orderNumber: string, message: string): ValidationOutcome {
  return { orderNumber, validated: false, errors: [{ type: "InvalidInput", message }], warnings: [], lineResults: [], source: "local" };
}

/** What Cdiscount would refuse, found before sending (reference §1.6). */
function validationProblem(order: ValidateOrder): string | null {
  if (!order.orderNumber.trim()) return "Numéro de commande manquant.";
  const lines = order.lines.filter((l) => l.sellerProductId.trim());
  if (lines.length === 0) return "La commande n'a aucune ligne produit à valider.";
  if (order.orderState === "Shipped") {
    const check = ZShipment.safeParse({
      shippingCode: order.shippingCode,
      carrierName: order.carrierName,
      trackingNumber: order.trackingNumber,
      trackingUrl: order.trackingUrl,
    });
    if (!check.success) return `Expédition invalide : ${check.error.issues.map((i) => `${String(i.path[0])} (${i.message})`).join(", ")}.`;
  } else if (order.carrierName || order.trackingNumber || order.trackingUrl) {
    return "Transporteur et suivi ne s'envoient qu'à l'expédition.";
  }
  return null;
}

function refundProblem(request: RefundRequest): string | null {
  if (!request.orderNumber.trim()) return "Numéro de commande manquant.";
  if (request.sellerRefunds.length === 0 && request.commercialGestures.length === 0) return "Rien à rembourser.";
  for (const r of request.sellerRefunds) {
    if (!r.sellerProductId.trim()) return "Ligne à rembourser sans référence vendeur.";
    if (!(REFUND_MOTIVES as readonly string[]).includes(r.motive)) return `Motif de remboursement inconnu : ${r.motive}.`;
    if (!(REFUND_MODES as readonly string[]).includes(r.mode)) return `Mode de remboursement inconnu : ${r.mode}.`;
  }
  for (const g of request.commercialGestures) {
    if (!/^\d+(\.\d{1,2})?$/.test(g.amount) || Number(g.amount) <= 0) return `Montant de geste commercial invalide : ${g.amount}.`;
  }
  return null;
}
