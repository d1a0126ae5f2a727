// npm run bench:sync -- [--orders 100000]
// Throughput of the sync's bulk path: N orders (about 2 lines each) placed in a sandbox
// process, brought into a fresh SQLite store through the real client over HTTP. Printed
// with the peak RSS of this process and the ratio to a floor measured in the same run:
// bare fast-xml-parser + better-sqlite3 prepared inserts of the same answers.
// A report, not a test: it always exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { XMLParser } from "fast-xml-parser";
import { CdiscountSoapClient } from "@/lib/cdiscount/client";
import { endpointsOf } from "@/lib/cdiscount/endpoints";
import { startSandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { encodeOrderFilter } from "@/lib/cdiscount/protocol/operations";
import { requestEnvelope, soapAction } from "@/lib/cdiscount/protocol/envelope";
import { ORDER_STATE_ENUM } from "@/lib/cdiscount/types";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { figure, writeBenchResult } from "@/lib/launcher/bench-result";
import { DAY, DEFAULT_SYNC_SETTINGS, slice } from "../windows";

const { values } = parseArgs({ options: { orders: { type: "string", default: "100000" } } });
const ORDERS = Number(values.orders);
const GOALS = { ordersPerSecond: 5_000, ratioToFloor: 3, rssMb: 300 };

const dir = mkdtempSync(path.join(tmpdir(), "desk-bench-sync-"));
const dbUrl = `file:${path.join(dir, "store.db")}`;
process.env.DATABASE_URL = dbUrl;
process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

const sandbox = await startSandboxProcess({ data: path.join(dir, "sandbox.db"), args: ["--seed", "99"] });
try {
  const login = "bench-api";
  await sandbox.admin.createAccount(login, "pw");
  // No quota and no timeout-like refusal in the way of the measurement.
  await sandbox.admin.configure({ quotaPerMinute: 1_000_000, maxOrdersPerResponse: 1_000_000 });
  const seedStart = performance.now();
  for (let placed = 0; placed < ORDERS; placed += 10_000) await sandbox.admin.seed(login, Math.min(10_000, ORDERS - placed), { days: 5 });
  console.log(`sandbox: ${ORDERS.toLocaleString("en")} orders placed in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  await deployMigrations(targetForUrl(dbUrl));
  const { db } = await import("@/lib/db/client");
  const { syncShop } = await import("../sync-shop");
  const shop = await db.shop.create({ data: { name: "Bench", apiLogin: login, apiPasswordEncrypted: "unused", initialImportDays: 6 } });
  const client = new CdiscountSoapClient({ endpoints: endpointsOf("SANDBOX", sandbox.url), credentials: { login, password: "pw" }, shopKey: shop.id, timeoutMs: 600_000 });
  const now = new Date((await sandbox.admin.health()).now);

  peakRss = process.memoryUsage().rss;
  const rssBeforeMb = peakRss / 1024 / 1024;
  const started = performance.now();
  const result = await syncShop(db, shop.id, { kind: "INCREMENTAL", client, now });
  const seconds = (performance.now() - started) / 1000;
  const rssMb = peakRss / 1024 / 1024;
  if (result.status !== "SUCCEEDED") throw new Error(`sync ${result.status}: ${"error" in result ? result.error : ""}`);
  const written = result.counts.newCount;
  const lines = await db.orderLine.count();
  const ordersPerSecond = written / seconds;
  console.log(`sync: ${written.toLocaleString("en")} orders and ${lines.toLocaleString("en")} lines in ${seconds.toFixed(1)} s (${result.counts.skippedCount} skipped)`);

  // The floor: the same answers, fetched again, read by bare fast-xml-parser and written
  // with better-sqlite3 prepared inserts, one transaction per answer.
  const window = { from: new Date(now.getTime() - 6 * DAY), to: now };
  const tokenText = await (await fetch(endpointsOf("SANDBOX", sandbox.url).tokenUrl, { headers: { Authorization: `Basic ${Buffer.from(`${login}:pw`).toString("base64")}` } })).text();
  const token = /<string[^>]*>([^<]+)</.exec(tokenText)![1]!;
  const floorDb = new Database(path.join(dir, "floor.db"));
  floorDb.pragma("journal_mode = WAL");
  floorDb.exec(`CREATE TABLE o (id INTEGER PRIMARY KEY, number TEXT UNIQUE, state TEXT, created TEXT, updated TEXT, total TEXT, shipping TEXT, code TEXT, customer TEXT, city TEXT);
                CREATE TABLE l (id INTEGER PRIMARY KEY, o INTEGER, sku TEXT, state TEXT, price TEXT, qty INTEGER, name TEXT)`);
  const insertOrder = floorDb.prepare("INSERT OR REPLACE INTO o (number, state, created, updated, total, shipping, code, customer, city) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const insertLine = floorDb.prepare("INSERT INTO l (o, sku, state, price, qty, name) VALUES (?, ?, ?, ?, ?, ?)");
  const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, parseTagValue: false, trimValues: false });
  const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  let floorMs = 0;
  let floorOrders = 0;
  for (const w of slice(window, DEFAULT_SYNC_SETTINGS.sliceMs)) {
    const body = requestEnvelope("GetOrderList", token, encodeOrderFilter({ beginModificationDate: w.from, endModificationDate: w.to, states: [...ORDER_STATE_ENUM], fetchOrderLines: true }));
    const post = () => fetch(endpointsOf("SANDBOX", sandbox.url).serviceUrl, { method: "POST", headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${soapAction("GetOrderList")}"` }, body });
    // Fetching is not what the floor measures: a dropped connection is simply retried.
    const xml = await (await post().catch(post)).text();
    const t = performance.now();
    type N = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const doc = parser.parse(xml) as N;
    const orders = asArray<N>(doc.Envelope.Body.GetOrderListResponse.GetOrderListResult.OrderList?.Order);
    floorDb.transaction(() => {
      for (const o of orders) {
        const id = insertOrder.run(o.OrderNumber, o.OrderState, o.CreationDate, o.LastUpdatedDate, o.InitialTotalAmount, o.ShippingCode, o.Corporation?.CorporationCode, o.Customer?.LastName ?? null, o.ShippingAddress?.City ?? null).lastInsertRowid;
        for (const l of asArray<N>(o.OrderLineList?.OrderLine)) insertLine.run(id, typeof l.SellerProductId === "string" ? l.SellerProductId : null, l.AcceptationState, l.PurchasePrice, Number(l.Quantity), l.Name);
      }
    })();
    floorMs += performance.now() - t;
    floorOrders += orders.length;
  }
  floorDb.close();
  const floorPerSecond = floorOrders / (floorMs / 1000);
  const ratio = floorPerSecond / ordersPerSecond;

  const row = (figure: string, goal: string, measured: string, verdict: boolean) => console.log(`${figure.padEnd(34)} ${goal.padEnd(12)} ${measured.padEnd(22)} ${verdict ? "PASS" : "FAIL"}`);
  console.log(`\nNode ${process.version}, ${ORDERS.toLocaleString("en")} orders in the sandbox`);
  console.log(`${"figure".padEnd(34)} ${"goal".padEnd(12)} ${"measured".padEnd(22)} verdict`);
  row("sync throughput (orders/s)", `≥ ${GOALS.ordersPerSecond}`, ordersPerSecond.toFixed(0), ordersPerSecond >= GOALS.ordersPerSecond);
  row("floor: fast-xml-parser + inserts", "—", `${floorPerSecond.toFixed(0)} orders/s`, true);
  row("time vs floor (ours / floor)", `≤ ${GOALS.ratioToFloor}×`, `${ratio.toFixed(2)}×`, ratio <= GOALS.ratioToFloor);
  row("peak RSS of the syncing process", `≤ ${GOALS.rssMb} MB`, `${rssMb.toFixed(0)} MB`, rssMb <= GOALS.rssMb);
  row("  of which before the sync started", "—", `${rssBeforeMb.toFixed(0)} MB`, true);
  const floor = `floor ${floorPerSecond.toFixed(0)} orders/s`;
  writeBenchResult("sync", `${ORDERS.toLocaleString("en")} orders`, [
    figure({ figure: "sync throughput", goal: `≥ ${GOALS.ordersPerSecond} orders/s`, measured: Math.round(ordersPerSecond), unit: "orders/s", ratio: Math.round((ordersPerSecond / floorPerSecond) * 100) / 100, baseline: floor, met: ordersPerSecond >= GOALS.ordersPerSecond }),
    figure({ figure: "sync time vs floor", goal: `≤ ${GOALS.ratioToFloor}×`, measured: Math.round(ratio * 100) / 100, unit: "×", baseline: floor, met: ratio <= GOALS.ratioToFloor }),
    figure({ figure: "sync peak RSS", goal: `≤ ${GOALS.rssMb} MB`, measured: Math.round(rssMb), unit: "MB", baseline: `${rssBeforeMb.toFixed(0)} MB before the sync`, ratio: Math.round((rssMb / rssBeforeMb) * 100) / 100, met: rssMb <= GOALS.rssMb }),
  ]);
  await db.$disconnect();
} finally {
  clearInterval(sampler);
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
}
