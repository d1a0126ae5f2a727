// npm run bench:sync-changes -- [--store 1000000] [--rounds 3]
// An incremental run over a large store: 1,000 orders changed in a sandbox process (the
// seller accepted them there) brought, through the real client over HTTP, into a SQLite
// store of N orders (about 2 lines each). The 1,000 orders are placed in the sandbox and
// imported by a real sync first; the rest of the store is filled straight in SQL, rows as
// the sync's writer makes them, from orders of the sandbox's generator. The median of a
// few runs, each with its own 1,000 orders, is printed with the same runs over a store of
// just those orders (measured in the same process) and the ratio of the two.
// A report, not a test: it always exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { CdiscountSoapClient } from "@/lib/cdiscount/client";
import { endpointsOf } from "@/lib/cdiscount/endpoints";
import type { MarketplaceClient } from "@/lib/cdiscount/marketplace-client";
import { startSandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { ageOrder, createOrder, DEFAULT_TIMINGS, pickKind } from "@/lib/cdiscount/sandbox/lifecycle";
import { Random } from "@/lib/cdiscount/sandbox/random";
import { validateOrderFor } from "@/lib/cdiscount/validate-order";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { figure, writeBenchResult } from "@/lib/launcher/bench-result";
import { sqliteFilePath } from "@/lib/db/url";
import { MARKETPLACE_STATE_CHANGE } from "../order-writer";
import { toOrderRecord } from "../order-record";
import { DAY, HOUR } from "../windows";

const { values } = parseArgs({ options: { store: { type: "string", default: "1000000" }, rounds: { type: "string", default: "3" } } });
const CHANGED = 1_000;
const ROUNDS = Math.max(1, Number(values.rounds));
const STORE = Math.max(Number(values.store), (ROUNDS + 1) * CHANGED);
const GOALS = { seconds: 1 };
const FILL_BATCH = 100_000;

const dir = mkdtempSync(path.join(tmpdir(), "desk-bench-changes-"));
const dbUrl = `file:${path.join(dir, "store.db")}`;
process.env.DATABASE_URL = dbUrl;
process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

/** Times the client's GetOrderList calls (HTTP, the sandbox's answer, parsing). */
class TimedClient implements MarketplaceClient {
  fetchMs = 0;
  constructor(private readonly inner: MarketplaceClient) {}
  async getOrders(...args: Parameters<MarketplaceClient["getOrders"]>) {
    const t = performance.now();
    try {
      return await this.inner.getOrders(...args);
    } finally {
      this.fetchMs += performance.now() - t;
    }
  }
  validateOrders = (...args: Parameters<MarketplaceClient["validateOrders"]>) => this.inner.validateOrders(...args);
  createRefund = (...args: Parameters<MarketplaceClient["createRefund"]>) => this.inner.createRefund(...args);
  getCarriers = () => this.inner.getCarriers();
}

// Filled orders' numbers end with their index in the sandbox's letters: unique by construction.
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

/**
 * Puts `count` orders in the store as the sync writes them (the order, its lines, its
 * first timeline event; random UUIDs for ids), straight in SQL on a connection of its
 * own, in big transactions. The orders are variations of 5,000 that the sandbox's
 * generator made and moved along their flow: each has its own id, number and dates,
 * spread over the two years before `until`.
 */
function fillStore(file: string, shopId: string, count: number, until: number): void {
  const rng = new Random(4242);
  const templates = Array.from({ length: 5_000 }, () => {
    const createdAt = until - Math.round(rng.next() * 30 * DAY);
    const kind = pickKind(rng);
    const entry = createOrder(rng, { now: createdAt, createdAt, timings: DEFAULT_TIMINGS, kind: kind === "partner" ? "seller" : kind });
    const shipDelay = Math.round(rng.next() * DAY);
    ageOrder(entry, until, DEFAULT_TIMINGS, rng.chance(0.8), (e) => (e.order.lastUpdatedDate?.getTime() ?? createdAt) + shipDelay);
    return toOrderRecord(entry.order);
  });
  // OrderRecord's members are the columns' names, as the writer's column lists say.
  type Row = Record<string, unknown>;
  const orderNames = Object.keys(templates[0]!).filter((k) => k !== "lines" && k !== "orderNumber");
  const lineNames = Object.keys(templates[0]!.lines[0]!);
  const dated = (rows: Row[], names: string[]) => new Set(names.filter((n) => rows.some((r) => r[n] instanceof Date)));
  const orderDates = dated(templates as unknown as Row[], orderNames);
  const lineDates = dated(templates.flatMap((t) => t.lines) as unknown as Row[], lineNames);
  // Template cells as SQLite stores them; dates as a shift from the order's creation.
  const cell = (v: unknown, created: number) =>
    v instanceof Date ? v.getTime() - created : typeof v === "boolean" ? Number(v) : v !== null && typeof v === "object" ? JSON.stringify(v) : (v as string | number | null);
  const q = (n: string) => `"${n}"`;
  const params = (n: number) => Array.from({ length: n }, () => "?").join(", ");
  // Prisma keeps SQLite dates as ISO text: 2026-11-26T12:00:00.000+00:00.
  const iso = (ms: string) => `replace(strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch'), 'Z', '+00:00')`;
  const uuid = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
  const column = (alias: string, dates: Set<string>) => (n: string) => (dates.has(n) ? `CASE WHEN ${alias}.${q(n)} IS NULL THEN NULL ELSE ${iso(`m.created + ${alias}.${q(n)}`)} END` : `${alias}.${q(n)}`);
  const letters = Array.from({ length: 5 }, (_, i) => `substr('${LETTERS}', (m.i / ${LETTERS.length ** i}) % ${LETTERS.length} + 1, 1)`).join(" || ");
  const synced = iso(`min(m.created + t.updatedShift + ${HOUR}, ${until})`);

  const conn = new Database(file, { timeout: 15_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = OFF");
  conn.pragma("cache_size = -1048576");
  // Consistent by construction; the indexes are dropped and built again at the end.
  conn.pragma("foreign_keys = OFF");
  const indexes = conn
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Order', 'OrderLine', 'OrderEvent')`)
    .all() as { name: string; sql: string }[];
  for (const index of indexes) conn.exec(`DROP INDEX ${q(index.name)}`);
  conn.exec(`CREATE TEMP TABLE t (k INTEGER PRIMARY KEY, updatedShift, ${orderNames.map(q).join(", ")});
             CREATE TEMP TABLE tl (k INTEGER, ${lineNames.map(q).join(", ")});
             CREATE TEMP TABLE m (i INTEGER PRIMARY KEY, id TEXT, k INTEGER, created INTEGER, synced TEXT);`);
  const insertTemplate = conn.prepare(`INSERT INTO t VALUES (${params(orderNames.length + 2)})`);
  const insertTemplateLine = conn.prepare(`INSERT INTO tl VALUES (${params(lineNames.length + 1)})`);
  conn.transaction(() => {
    templates.forEach((t, k) => {
      const created = t.marketplaceCreatedAt.getTime();
      insertTemplate.run(k, t.marketplaceUpdatedAt.getTime() - created, ...orderNames.map((n) => cell((t as unknown as Row)[n], created)));
      for (const l of t.lines) insertTemplateLine.run(k, ...lineNames.map((n) => cell((l as unknown as Row)[n], created)));
    });
  })();
  // One row per order to add: its id, template, creation time and sync time.
  const pick = conn.prepare(
    `INSERT INTO m WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
     SELECT i, ${uuid}, i % ${templates.length}, ? - abs(random() % ${730 * DAY}), NULL FROM n`,
  );
  const insertOrders = conn.prepare(
    `INSERT INTO "Order" ("id", "shopId", "orderNumber", ${orderNames.map(q).join(", ")}, "syncedAt", "createdAt", "updatedAt")
     SELECT m.id, ?, substr(strftime('%Y%m%d%H%M', m.created / 1000, 'unixepoch'), 3) || ${letters}, ${orderNames.map(column("t", orderDates)).join(", ")}, m.synced, m.synced, m.synced
     FROM m JOIN t ON t.k = m.k ORDER BY m.i`,
  );
  const insertLines = conn.prepare(
    `INSERT INTO "OrderLine" ("id", "orderId", ${lineNames.map(q).join(", ")})
     SELECT ${uuid}, m.id, ${lineNames.map(column("tl", lineDates)).join(", ")} FROM m JOIN tl ON tl.k = m.k ORDER BY m.i, tl."position"`,
  );
  const insertEvents = conn.prepare(
    `INSERT INTO "OrderEvent" ("id", "orderId", "kind", "occurredAt", "fromStatus", "toStatus", "data", "createdAt")
     SELECT ${uuid}, m.id, '${MARKETPLACE_STATE_CHANGE}', ${iso("m.created + t.updatedShift")}, NULL, t."status",
            json_object('marketplaceState', t."marketplaceState", 'previousMarketplaceState', NULL), m.synced
     FROM m JOIN t ON t.k = m.k ORDER BY m.i`,
  );
  const batch = conn.transaction((from: number, to: number) => {
    conn.exec("DELETE FROM m");
    pick.run(from, to, until);
    conn.exec(`UPDATE m SET synced = (SELECT ${synced} FROM t WHERE t.k = m.k)`);
    insertOrders.run(shopId);
    insertLines.run();
    insertEvents.run();
  });
  for (let from = 0; from < count; from += FILL_BATCH) batch(from, Math.min(count, from + FILL_BATCH));
  for (const index of indexes) conn.exec(index.sql);
  conn.exec("DROP TABLE t; DROP TABLE tl; DROP TABLE m;");
  // A store at rest: everything checkpointed into the database file.
  conn.pragma("wal_checkpoint(TRUNCATE)");
  conn.close();
}

const sandbox = await startSandboxProcess({ data: path.join(dir, "sandbox.db"), args: ["--seed", "99"] });
try {
  const login = "bench-api";
  await sandbox.admin.createAccount(login, "pw");
  // Customers cancel far in the future: no order changes unless the bench changes it.
  await sandbox.admin.configure({
    quotaPerMinute: 1_000_000,
    maxOrdersPerResponse: 1_000_000,
    ordersPerHour: 0,
    timings: { ...DEFAULT_TIMINGS, customerCancelDelayMs: 10 * 365 * DAY },
  });

  await deployMigrations(targetForUrl(dbUrl));
  const { db } = await import("@/lib/db/client");
  const { syncShop } = await import("../sync-shop");
  const shop = await db.shop.create({ data: { name: "Bench", apiLogin: login, apiPasswordEncrypted: "unused", initialImportDays: 1 } });
  const soap = new CdiscountSoapClient({ endpoints: endpointsOf("SANDBOX", sandbox.url), credentials: { login, password: "pw" }, shopKey: shop.id, timeoutMs: 600_000 });
  const client = new TimedClient(soap);
  const sandboxNow = async () => new Date((await sandbox.admin.health()).now);
  const sync = async () => {
    const result = await syncShop(db, shop.id, { kind: "INCREMENTAL", client, now: await sandboxNow() });
    if (result.status !== "SUCCEEDED") throw new Error(`sync ${result.status}: ${"error" in result ? result.error : ""}`);
    return result;
  };
  /** Places `CHANGED` new orders and imports them with a real sync. */
  const placeAndImport = async () => {
    const { orderNumbers } = await sandbox.admin.seed(login, CHANGED, { kind: "seller", state: "fresh" });
    const imported = await sync();
    if (imported.counts.newCount !== CHANGED) throw new Error(`import: ${imported.counts.newCount} new orders, expected ${CHANGED}`);
    return orderNumbers;
  };
  /** The seller accepts the orders on the marketplace's side; times the incremental run that brings that in. */
  const measure = async (numbers: string[]) => {
    const wanted = new Set(numbers);
    const orders = (await sandbox.admin.state(login)).orders.filter((o) => wanted.has(o.orderNumber));
    const outcomes = await soap.validateOrders(orders.map((o) => validateOrderFor(o, "AcceptedBySeller")));
    const accepted = outcomes.filter((o) => o.validated).length;
    if (accepted !== CHANGED) throw new Error(`${accepted} orders accepted in the sandbox, expected ${CHANGED}`);
    const storeOrders = await db.order.count({ where: { shopId: shop.id } });
    client.fetchMs = 0;
    peakRss = process.memoryUsage().rss;
    const started = performance.now();
    const result = await sync();
    const seconds = (performance.now() - started) / 1000;
    const rssMb = peakRss / 1024 / 1024;
    let stored = 0;
    for (let i = 0; i < numbers.length; i += 500) {
      stored += await db.order.count({ where: { shopId: shop.id, orderNumber: { in: numbers.slice(i, i + 500) }, marketplaceState: "AcceptedBySeller" } });
    }
    const c = result.counts;
    console.log(
      `  over ${storeOrders.toLocaleString("en")} orders: ${seconds.toFixed(3)} s, ${(c.updatedCount / seconds).toFixed(0)} orders/s — ${c.newCount} new, ${c.updatedCount} updated, ` +
        `${c.unchangedCount} unchanged, ${c.skippedCount} skipped, ${stored} stored as accepted; GetOrderList ${(client.fetchMs / 1000).toFixed(3)} s, the rest ${(seconds - client.fetchMs / 1000).toFixed(3)} s`,
    );
    return { seconds, exact: c.updatedCount === CHANGED && c.newCount === 0 && stored === CHANGED, rssMb, storeOrders };
  };
  /** `ROUNDS` runs, each with its own orders: the previous ones' changes are out of the overlap (90 minutes) first. */
  const rounds = async () => {
    const runs = [];
    for (let r = 0; r < ROUNDS; r++) {
      await sandbox.admin.advanceClock(3 * HOUR);
      runs.push(await measure(await placeAndImport()));
    }
    return { runs, median: [...runs].sort((x, y) => x.seconds - y.seconds)[Math.floor(runs.length / 2)]! };
  };

  // Baseline: the store holds little more than the orders that change.
  console.log(`${CHANGED.toLocaleString("en")} changed orders, a small store:`);
  const small = await rounds();

  const fill = STORE - (ROUNDS + 1) * CHANGED;
  const fillStart = performance.now();
  fillStore(sqliteFilePath(dbUrl), shop.id, fill, (await sandboxNow()).getTime() - 7 * DAY);
  const fillSeconds = (performance.now() - fillStart) / 1000;
  // The fill held the event loop: let the HTTP client notice the sandbox closed idle connections.
  await new Promise((resolve) => setTimeout(resolve, 200));
  // A filled order reads back through Prisma like one the sync wrote.
  await db.order.findFirstOrThrow({ where: { shopId: shop.id }, orderBy: { marketplaceCreatedAt: "asc" }, include: { lines: true, events: true } });
  const storeLines = await db.orderLine.count();
  console.log(`store: ${fill.toLocaleString("en")} orders filled in ${fillSeconds.toFixed(1)} s (${(fill / fillSeconds).toFixed(0)} orders/s), ${storeLines.toLocaleString("en")} lines in the store`);
  console.log(`${CHANGED.toLocaleString("en")} changed orders, a large store:`);
  const large = await rounds();

  const ratio = large.median.seconds / small.median.seconds;
  const exact = [...small.runs, ...large.runs].every((m) => m.exact);
  const rssMb = Math.max(...large.runs.map((m) => m.rssMb));
  const row = (figure: string, goal: string, measured: string, verdict: boolean) => console.log(`${figure.padEnd(34)} ${goal.padEnd(12)} ${measured.padEnd(22)} ${verdict ? "PASS" : "FAIL"}`);
  console.log(`\nNode ${process.version}, ${CHANGED.toLocaleString("en")} changed orders, a store of ${large.runs[0]!.storeOrders.toLocaleString("en")}, median of ${ROUNDS} runs`);
  console.log(`${"figure".padEnd(34)} ${"goal".padEnd(12)} ${"measured".padEnd(22)} verdict`);
  row(`${CHANGED.toLocaleString("en")} changes over the store`, `≤ ${GOALS.seconds} s`, `${large.median.seconds.toFixed(3)} s`, large.median.seconds <= GOALS.seconds);
  row("every change brought in, once", `${CHANGED} updated`, exact ? `${CHANGED} updated` : "see the runs above", exact);
  row("baseline: over a small store", "—", `${small.median.seconds.toFixed(3)} s`, true);
  row("ratio (large store / small)", "—", `${ratio.toFixed(2)}×`, true);
  row("store filled in", "—", `${fillSeconds.toFixed(0)} s`, true);
  row("peak RSS during the large runs", "—", `${rssMb.toFixed(0)} MB`, true);
  writeBenchResult("sync-changes", `${CHANGED.toLocaleString("en")} changes, a store of ${large.runs[0]!.storeOrders.toLocaleString("en")}, median of ${ROUNDS}`, [
    figure({ figure: `${CHANGED.toLocaleString("en")} changes over the store`, goal: `≤ ${GOALS.seconds} s`, measured: Math.round(large.median.seconds * 1000) / 1000, unit: "s", ratio: Math.round(ratio * 100) / 100, baseline: `small store ${small.median.seconds.toFixed(3)} s`, met: large.median.seconds <= GOALS.seconds }),
    figure({ figure: "every change brought in, once", goal: "yes", measured: null, unit: exact ? "yes" : "no", met: exact }),
  ]);
  await db.$disconnect();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  clearInterval(sampler);
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
}
