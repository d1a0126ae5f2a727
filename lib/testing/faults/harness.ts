// Shared by the fault and crash suites (npm run test:faults): the product's own client
// factory with short timeouts, the sandbox's call log read as "what reached Cdiscount",
// and the store compared with the sandbox.
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/access";
import { marketplaceClientFor, type ShopConnection } from "@/lib/cdiscount/for-shop";
import { startTestSandbox } from "@/lib/cdiscount/testing";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { SandboxAdmin } from "@/lib/cdiscount/sandbox/admin-client";
import type { FaultKind } from "@/lib/cdiscount/sandbox/server";
import { storeDifferences } from "@/lib/sync/testing";

/** A sandbox process the product's client factory reaches (endpointsOf("SANDBOX")), and a seller. */
export async function startSandboxWithSeller(db: Db, seed: number): Promise<{ sandbox: SandboxProcess; seller: Actor }> {
  const sandbox = await startTestSandbox(["--seed", String(seed)]);
  process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
  const user = await db.user.create({ data: { email: `seller-${seed}@faults.test`, name: "Camille Vendeuse", passwordHash: "unused" } });
  return { sandbox, seller: { id: user.id, email: user.email, name: user.name } };
}

/**
 * The product's client while a fault lasts, tuned so that a fault costs about a second:
 * latency faults answer after LATENCY_MS, well beyond this timeout (and beyond what a
 * loaded machine adds to a normal call); retries keep their shape, not their wait.
 */
export const FAST_TUNING = { timeoutMs: 1_000, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 40 } };
export const LATENCY_MS = 2_500;
export const fastClientFor = (shop: ShopConnection) => marketplaceClientFor(shop, FAST_TUNING);

export async function shopConnection(db: Db, shopId: string): Promise<ShopConnection> {
  return db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { id: true, apiLogin: true, apiPasswordEncrypted: true, environment: true } });
}

/**
 * Faults the sandbox answers before its business logic runs: a call that met one had no
 * effect. The others (latency, malformed or truncated XML) apply the call, then lose or
 * spoil the answer -- the cases where a blind resend would act twice.
 */
export const STOPS_BEFORE_EFFECT: ReadonlySet<string> = new Set<FaultKind>(["http500", "soapFault", "tokenInvalid", "quota", "validateFalse", "stsHtml"]);

type CallLog = Awaited<ReturnType<SandboxAdmin["calls"]>>;

function orderNumbersOf(call: CallLog[number]): string[] {
  if (call.operation === "ValidateOrderList") return (call.detail as { orderNumber: string }[]).map((d) => d.orderNumber);
  if (call.operation === "CreateRefundVoucher") return [(call.detail as { orderNumber: string }).orderNumber];
  return [];
}

/**
 * How many times each order reached Cdiscount's logic in a write (ValidateOrderList or
 * CreateRefundVoucher): calls stopped by a fault before any effect do not count.
 */
export async function effectiveWrites(admin: SandboxAdmin, login: string): Promise<Map<string, number>> {
  const calls = [...(await admin.calls(login, "ValidateOrderList")), ...(await admin.calls(login, "CreateRefundVoucher"))];
  const counts = new Map<string, number>();
  for (const call of calls) {
    if (call.fault && STOPS_BEFORE_EFFECT.has(call.fault)) continue;
    for (const n of orderNumbersOf(call)) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}

/** Every write call that carried each order, whatever became of it. */
export async function writeCalls(admin: SandboxAdmin, login: string): Promise<Map<string, number>> {
  const calls = [...(await admin.calls(login, "ValidateOrderList")), ...(await admin.calls(login, "CreateRefundVoucher"))];
  const counts = new Map<string, number>();
  for (const call of calls) for (const n of orderNumbersOf(call)) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}

/** The differences between the store and the sandbox for one shop (empty: equal). */
export async function storeVersusSandbox(db: Db, admin: SandboxAdmin, shopId: string, login: string): Promise<string[]> {
  return storeDifferences(db, shopId, (await admin.state(login)).orders);
}

/** Waits for a condition the test cannot be told about (a slow call finishing in the sandbox). */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
