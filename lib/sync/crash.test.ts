// Crash safety: the sync CLI is killed with SIGKILL at random points, ten times, while
// the marketplace keeps changing; a last run must leave the store equal to the sandbox,
// with nothing lost, nothing duplicated and no run left "running".
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { startTestSandbox, testClient } from "@/lib/cdiscount/testing";
import { validateOrderFor } from "@/lib/cdiscount/validate-order";
import { encryptShopPassword } from "@/lib/shops/shop-secret";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { storeDifferences } from "./testing";

const database = setupTestDatabase();
let sandbox: SandboxProcess;
const LOGIN = "crash-api";
const LEASE_TTL_MS = 300;

beforeAll(async () => {
  sandbox = await startTestSandbox(["--seed", "5"]);
  await sandbox.admin.createAccount(LOGIN, "pw");
  await sandbox.admin.seed(LOGIN, 400, { days: 5 });
});
afterAll(async () => {
  await sandbox?.stop();
});

const tsx = createRequire(import.meta.url).resolve("tsx");

function runCli(shopId: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, ["--import", tsx, "lib/sync/cli.ts", "--shop", shopId], {
    env: {
      ...process.env,
      DATABASE_URL: database.url(),
      CDISCOUNT_SANDBOX_URL: sandbox.url,
      DESK_SYNC_LEASE_TTL_MS: String(LEASE_TTL_MS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    }),
  );
}

it("converges after ten SIGKILLs at random points of a sync", async () => {
  const shop = await db.shop.create({ data: { name: "Crash", apiLogin: LOGIN, apiPasswordEncrypted: "", environment: "SANDBOX", initialImportDays: 6 } });
  await db.shop.update({ where: { id: shop.id }, data: { apiPasswordEncrypted: encryptShopPassword(shop.id, "pw") } });
  const client = testClient(sandbox.url, LOGIN, "pw");
  const delays: number[] = [];
  let killed = 0;
  // Random kill points, kept inside the run: the window shrinks after a run that ended
  // before its kill, and widens after a kill.
  let maxDelay = 2_500;
  for (let i = 0; i < 10; i++) {
    const delay = 400 + Math.round(Math.random() * maxDelay);
    delays.push(delay);
    const { signal } = await runCli(shop.id, delay);
    if (signal === "SIGKILL") {
      killed++;
      maxDelay = Math.min(4_000, maxDelay * 1.5);
    } else {
      maxDelay = Math.max(300, maxDelay / 2);
    }
    // The marketplace moves on between crashes: new orders arrive, some are accepted.
    await sandbox.admin.seed(LOGIN, 60, { state: "fresh" });
    const waiting = (await sandbox.admin.state(LOGIN)).orders.filter((o) => o.orderState === "WaitingForSellerAcceptation").slice(0, 3);
    if (waiting.length) await client.validateOrders(waiting.map((o) => validateOrderFor(o, "AcceptedBySeller")));
    await new Promise((r) => setTimeout(r, LEASE_TTL_MS + 100)); // let a dead syncer's lease lapse
  }
  console.info(`crash test: ${killed} of 10 runs killed with SIGKILL, after ${delays.join(", ")} ms`);
  expect(killed, `kill delays (ms): ${delays.join(", ")}`).toBeGreaterThanOrEqual(5);

  const final = await runCli(shop.id);
  expect(final.code, final.output).toBe(0);
  expect(await storeDifferences(db, shop.id, (await sandbox.admin.state(LOGIN)).orders)).toEqual([]);
  expect(await db.syncRun.count({ where: { shopId: shop.id, status: "RUNNING" } })).toBe(0);
  // No state change recorded twice.
  const events = await db.orderEvent.findMany({ where: { order: { shopId: shop.id } }, select: { orderId: true, toStatus: true, occurredAt: true } });
  const keys = events.map((e) => `${e.orderId}|${e.toStatus}|${e.occurredAt.toISOString()}`);
  expect(new Set(keys).size).toBe(keys.length);
}, 240_000);
