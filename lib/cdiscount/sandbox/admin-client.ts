// Talks to a running sandbox's admin API (tests, launcher, benchmarks).
import type { MarketplaceOrder } from "../types";
import type { FaultKind } from "./server";
import type { SandboxConfig } from "./sandbox";

export interface FaultSpec {
  kind: FaultKind;
  login?: string;
  /** An operation name, or "STS" for the token endpoint; all when omitted. */
  operation?: string;
  count?: number;
  params?: Record<string, unknown>;
}

export class SandboxAdmin {
  constructor(readonly url: string) {}

  private async request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/__admin${path}`, {
      method,
      headers: body ? { "Content-Type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox admin ${method} ${path}: HTTP ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  health() {
    return this.request<{ status: string; now: string }>("GET", "/health");
  }

  accounts() {
    return this.request<{ login: string; orders: number }[]>("GET", "/accounts");
  }

  createAccount(login: string, password: string) {
    return this.request<{ login: string }>("POST", "/accounts", { login, password });
  }

  seed(login: string, count: number, opts: { days?: number; kind?: string; state?: "fresh"; frozen?: boolean } = {}) {
    return this.request<{ orderNumbers: string[] }>("POST", "/seed", { login, count, ...opts });
  }

  /** Every order of an account, as the marketplace holds them (dates as ISO strings). */
  async state(login: string): Promise<{ now: string; orders: MarketplaceOrder[] }> {
    return this.request("GET", `/state?login=${encodeURIComponent(login)}`);
  }

  order(login: string, orderNumber: string) {
    return this.request<{ order: MarketplaceOrder; plan: unknown }>("GET", `/order?login=${encodeURIComponent(login)}&orderNumber=${encodeURIComponent(orderNumber)}`);
  }

  putOrder(login: string, entry: unknown) {
    return this.request<{ ok: true }>("POST", "/orders", { login, entry });
  }

  /** Many orders as they are, in one transaction. */
  putOrders(login: string, entries: readonly unknown[]) {
    return this.request<{ ok: true }>("POST", "/orders", { login, entries });
  }

  addFault(spec: FaultSpec) {
    return this.request<{ id: number }>("POST", "/faults", spec);
  }

  /** Faults with uses left. */
  faults() {
    return this.request<{ id: number; kind: string; remaining: number }[]>("GET", "/faults");
  }

  clearFaults() {
    return this.request<{ ok: true }>("POST", "/faults/clear", {});
  }

  advanceClock(ms: number) {
    return this.request<{ now: string }>("POST", "/clock/advance", { ms });
  }

  configure(patch: Partial<SandboxConfig>) {
    return this.request<SandboxConfig>("POST", "/config", patch);
  }

  calls(login?: string, operation?: string) {
    const q = new URLSearchParams();
    if (login) q.set("login", login);
    if (operation) q.set("operation", operation);
    return this.request<{ login: string | null; operation: string; at: number; detail: unknown; fault: string | null }[]>("GET", `/calls?${q}`);
  }
}
