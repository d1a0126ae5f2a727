// Crash safety of the sync: the sync CLI, importing then sweeping a few thousand orders,
// is killed with SIGKILL at ten random points while the marketplace keeps changing.
// After each kill the next run finishes the work, and then the store equals the
// sandbox: nothing lost, nothing duplicated, no run left "running".
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { startTestSandbox, testClient } from "@/lib/cdiscount/testing";
import { validateOrderFor } from "@/lib/cdiscount/validate-order";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { encryptShopPassword } from "@/lib/shops/shop-secret";
import { runShopSync } from "@/lib/sync/run";
import { crashRandom, KILLS, killAfter, startChild, whenReached } from "./children";
import { storeVersusSandbox } from "./harness";

const ORDERS = 3_000;
/** A dead syncer's lease lapses this soon (the children's DESK_SYNC_LEASE_TTL_MS). */
const LEASE_TTL_MS = 500;

const database = setupTestDatabase();
let sandbox: SandboxProcess;

beforeAll(async () => {
  sandbox = await startTestSandbox(["--seed", "5"]);
  process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
});
afterAll(async () => {
  await sandbox?.stop();
});

it(`a sync of ${ORDERS} orders killed at ${KILLS} random points converges after each restart`, async () => {
  const random = crashRandom("crash: sync");
  const login = "crash-sync-api";
  await sandbox.admin.createAccount(login, "pw");
  await sandbox.admin.seed(login, ORDERS, { days: 5, frozen: true });
  const shop = await db.shop.create({ data: { name: "Crash sync", apiLogin: login, apiPasswordEncrypted: "", environment: "SANDBOX", initialImportDays: 6 } });
  await db.shop.update({ where: { id: shop.id }, data: { apiPasswordEncrypted: encryptShopPassword(shop.id, "pw") } });
  const elsewhere = testClient(sandbox.url, login, "pw");
  const report: string[] = [];
  let midRun = 0;

  for (let round = 1; round <= KILLS; round++) {
    // The first run is the initial import; then daily sweeps, which read the five days again.
    const kind = round === 1 ? "incremental" : "sweep";
    const before = new Set((await db.syncRun.findMany({ where: { shopId: shop.id }, select: { id: true } })).map((r) => r.id));
    const child = startChild(["lib/sync/cli.ts", "--shop", shop.id, "--kind", kind], {
      DATABASE_URL: database.url(),
      CDISCOUNT_SANDBOX_URL: sandbox.url,
      DESK_SYNC_LEASE_TTL_MS: String(LEASE_TTL_MS),
    });
    const seen: { run?: { id: string; windowsTotal: number } | null } = {};
    const started = await whenReached(child, async () => {
      seen.run = await db.syncRun.findFirst({ where: { shopId: shop.id, status: "RUNNING", id: { notIn: [...before] } }, select: { id: true, windowsTotal: true } });
      return Boolean(seen.run);
    });
    expect(started, child.output()).toBe(true);
    const run = seen.run!;
    // A random point: after a random number of committed slices, a random time into the next.
    const slices = random.int(0, Math.max(0, run.windowsTotal - 1));
    const extraMs = random.int(0, 250);
    await whenReached(child, async () => (await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).windowsDone >= slices);
    const { signal } = await killAfter(child, extraMs);
    const killed = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    if (signal === "SIGKILL" && killed.status === "RUNNING") midRun++;
    report.push(`${round}: ${kind} after ${slices} slices +${extraMs} ms -> ${signal ?? "exit"} at ${killed.windowsDone}/${killed.windowsTotal}`);

    // The marketplace moves on: new orders, two accepted and one refused by another tool.
    const { orderNumbers } = await sandbox.admin.seed(login, 20, { state: "fresh", frozen: true });
    const fresh = (await elsewhere.getOrders({ orderReferenceList: orderNumbers.slice(0, 3), fetchOrderLines: true })).orders;
    await elsewhere.validateOrders([...fresh.slice(0, 2).map((o) => validateOrderFor(o, "AcceptedBySeller")), validateOrderFor(fresh[2]!, "RefusedBySeller")]);

    // Restart: the next run, once the dead syncer's lease has lapsed.
    const { leaseExpiresAt } = await db.syncState.findUniqueOrThrow({ where: { shopId: shop.id } });
    if (leaseExpiresAt) await new Promise((r) => setTimeout(r, Math.max(0, leaseExpiresAt.getTime() - Date.now() + 20)));
    expect(await runShopSync(shop.id, "INCREMENTAL"), report.join("\n")).toMatchObject({ status: "SUCCEEDED" });

    const diffs = await storeVersusSandbox(db, sandbox.admin, shop.id, login);
    expect(diffs.slice(0, 10), `round ${round}\n${report.join("\n")}`).toEqual([]);
    expect(await db.syncRun.count({ where: { shopId: shop.id, status: "RUNNING" } })).toBe(0);
    // No state change recorded twice.
    const events = await db.orderEvent.findMany({ where: { order: { shopId: shop.id } }, select: { orderId: true, toStatus: true, occurredAt: true } });
    const keys = events.map((e) => `${e.orderId}|${e.toStatus}|${e.occurredAt.toISOString()}`);
    expect(new Set(keys).size).toBe(keys.length);
  }
  console.info(`crash: sync\n  ${report.join("\n  ")}`);
  expect(midRun, report.join("\n")).toBeGreaterThanOrEqual(KILLS - 2);
}, 600_000);
