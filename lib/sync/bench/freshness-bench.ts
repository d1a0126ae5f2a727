// npm run bench:sync-freshness -- [--orders 20]
// How fresh the store is with a 1-minute interval: a shop set to sync every minute, the
// real scheduler (croner ticks, dueRun, runShopSync with the shop's own client and
// encrypted password) against a sandbox process, and orders placed there one at a time at
// spread-out moments (every 6 to 9 s) while a reader polls the store every 250 ms.
// Latency = seen in the store − placed; p50, p95 and max are printed against the
// interval itself, the baseline a scheduled pull cannot beat by much.
// A report, not a test: it always exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { startSandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { Random } from "@/lib/cdiscount/sandbox/random";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { figure, writeBenchResult } from "@/lib/launcher/bench-result";
import { sqliteFilePath } from "@/lib/db/url";

const { values } = parseArgs({ options: { orders: { type: "string", default: "20" } } });
const ORDERS = Math.max(1, Number(values.orders));
const INTERVAL_MINUTES = 1;
const INTERVAL_S = INTERVAL_MINUTES * 60;
const GOALS = { p95Seconds: INTERVAL_S };
const POLL_MS = 250;
/** How long an order may stay unseen before it is reported missing. */
const GIVE_UP_MS = 3 * INTERVAL_S * 1000;

const dir = mkdtempSync(path.join(tmpdir(), "desk-bench-freshness-"));
const dbUrl = `file:${path.join(dir, "store.db")}`;
process.env.DATABASE_URL = dbUrl;
process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Nearest-rank percentile. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
const median = (xs: number[]) => (xs.length ? percentile([...xs].sort((a, b) => a - b), 0.5) : NaN);

const sandbox = await startSandboxProcess({ data: path.join(dir, "sandbox.db"), args: ["--seed", "31"] });
// The shop's client finds the sandbox as the launcher tells it (lib/cdiscount/endpoints.ts).
process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
let stopScheduler = () => {};
try {
  const login = "bench-api";
  const password = "pw";
  await sandbox.admin.createAccount(login, password);
  // No generated orders: the only new ones are those placed below.
  await sandbox.admin.configure({ ordersPerHour: 0 });
  await sandbox.admin.seed(login, 300, { days: 5 });

  await deployMigrations(targetForUrl(dbUrl));
  const { db } = await import("@/lib/db/client");
  const { encryptShopPassword } = await import("@/lib/shops/shop-secret");
  const { startSyncScheduler, stopSyncScheduler } = await import("../scheduler");
  const created = await db.shop.create({
    data: { name: "Bench", apiLogin: login, apiPasswordEncrypted: "pending", environment: "SANDBOX", syncIntervalMinutes: INTERVAL_MINUTES, initialImportDays: 6 },
  });
  const shop = await db.shop.update({ where: { id: created.id }, data: { apiPasswordEncrypted: encryptShopPassword(created.id, password) } });

  const started = performance.now();
  startSyncScheduler();
  stopScheduler = stopSyncScheduler;
  // The first tick imports the shop's history; the measurement starts once that is done.
  for (let waited = 0; !(await db.syncState.findUnique({ where: { shopId: shop.id } }))?.initialImportAt; waited += POLL_MS) {
    if (waited > 60_000) throw new Error("the scheduler did not import the shop within 60 s");
    await sleep(POLL_MS);
  }
  console.log(`first import by the scheduler done ${((performance.now() - started) / 1000).toFixed(1)} s after it started`);

  // A reader of its own, as the web server would be.
  const reader = new Database(sqliteFilePath(dbUrl), { readonly: true, timeout: 15_000 });
  const find = reader.prepare(`SELECT 1 FROM "Order" WHERE "shopId" = ? AND "orderNumber" = ?`);
  const placed = new Map<string, { at: number; createdBehindS: number }>();
  const seen = new Map<string, number>();
  let placing = true;
  const poll = (async () => {
    while (placing || (seen.size < placed.size && [...placed.values()].some((p) => performance.now() - p.at < GIVE_UP_MS))) {
      for (const [number, p] of placed) if (!seen.has(number) && find.get(shop.id, number)) seen.set(number, performance.now() - p.at);
      await sleep(POLL_MS);
    }
  })();

  const rng = new Random(2026);
  const placeStart = performance.now();
  for (let i = 0; i < ORDERS; i++) {
    await sleep(6_000 + Math.round(rng.next() * 3_000));
    const at = performance.now();
    const { orderNumbers } = await sandbox.admin.seed(login, 1, { kind: "seller", state: "fresh" });
    const number = orderNumbers[0]!;
    // The sandbox dates a fresh order up to a minute back: well inside a run's 90-minute overlap.
    const [{ order }, health] = await Promise.all([sandbox.admin.order(login, number), sandbox.admin.health()]);
    const createdBehindS = (Date.parse(health.now) - Date.parse(String(order.lastUpdatedDate ?? order.creationDate))) / 1000;
    placed.set(number, { at, createdBehindS });
  }
  placing = false;
  await poll;
  reader.close();
  const placeSeconds = (performance.now() - placeStart) / 1000;

  stopSyncScheduler();
  // Let a run in flight finish before the database goes away.
  for (let waited = 0; (await db.syncRun.count({ where: { status: "RUNNING" } })) > 0 && waited < 60_000; waited += POLL_MS) await sleep(POLL_MS);

  const runs = await db.syncRun.findMany({ where: { shopId: shop.id }, orderBy: { startedAt: "asc" }, select: { kind: true, status: true, startedAt: true, finishedAt: true } });
  const pulls = runs.filter((r) => r.kind === "INCREMENTAL");
  const gaps = pulls.slice(1).map((r, i) => (r.startedAt.getTime() - pulls[i]!.startedAt.getTime()) / 1000);
  const durations = pulls.filter((r) => r.finishedAt).map((r) => (r.finishedAt!.getTime() - r.startedAt.getTime()) / 1000);
  const failed = runs.filter((r) => r.status !== "SUCCEEDED").length;

  const latencies = [...seen.values()].map((ms) => ms / 1000).sort((a, b) => a - b);
  const missing = placed.size - seen.size;
  const p50 = percentile(latencies, 0.5);
  const p95 = percentile(latencies, 0.95);
  const max = latencies[latencies.length - 1]!;
  const behind = [...placed.values()].map((p) => p.createdBehindS);
  console.log(`${placed.size} orders placed over ${placeSeconds.toFixed(0)} s; their last-modified dates were ${Math.min(...behind).toFixed(0)}–${Math.max(...behind).toFixed(0)} s behind the sandbox's clock`);
  console.log(`latencies (s): ${latencies.map((s) => s.toFixed(1)).join(" ")}${missing ? `; ${missing} never seen` : ""}`);
  console.log(
    `scheduler: ${pulls.length} incremental runs (${failed} not succeeded), start to start ${median(gaps).toFixed(1)} s median, ${Math.max(...gaps).toFixed(1)} s max; ` +
      `a run lasts ${median(durations).toFixed(2)} s median, ${Math.max(...durations).toFixed(2)} s max`,
  );

  const ok = missing === 0 && p95 <= GOALS.p95Seconds;
  const row = (figure: string, goal: string, measured: string, verdict: boolean) => console.log(`${figure.padEnd(34)} ${goal.padEnd(12)} ${measured.padEnd(22)} ${verdict ? "PASS" : "FAIL"}`);
  console.log(`\nNode ${process.version}, ${placed.size} orders, a ${INTERVAL_MINUTES}-minute interval, the store polled every ${POLL_MS} ms`);
  console.log(`${"figure".padEnd(34)} ${"goal".padEnd(12)} ${"measured".padEnd(22)} verdict`);
  row("placed → in the store, p95", `≤ ${GOALS.p95Seconds} s`, missing ? `${missing} never seen` : `${p95.toFixed(1)} s`, ok);
  row("placed → in the store, p50", "—", `${p50.toFixed(1)} s`, true);
  row("placed → in the store, max", "—", `${max.toFixed(1)} s`, true);
  row("baseline: the interval", "—", `${INTERVAL_S} s`, true);
  row("ratio (p95 / interval)", "—", `${(p95 / INTERVAL_S).toFixed(2)}×`, true);
  row("run start to start (median)", "—", `${median(gaps).toFixed(1)} s`, true);
  row("peak RSS of the syncing process", "—", `${(peakRss / 1024 / 1024).toFixed(0)} MB`, true);
  writeBenchResult("sync-freshness", `${placed.size} orders, a ${INTERVAL_MINUTES}-minute interval`, [
    figure({ figure: "placed → in the store, p95", goal: `≤ ${GOALS.p95Seconds} s`, measured: missing ? null : Math.round(p95 * 10) / 10, unit: missing ? `${missing} never seen` : "s", ratio: Math.round((p95 / INTERVAL_S) * 100) / 100, baseline: `the interval, ${INTERVAL_S} s`, met: ok }),
  ]);
  await db.$disconnect();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  stopScheduler();
  clearInterval(sampler);
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
}
