// npm run bench:export -- [--orders 100000] [--store /path/kept.db] [--page-size 1000]
// Memory and time of the CSV export (GET /api/orders/export) on a large filter: a store
// whose Shipped view holds N orders (2 lines each on average, addresses), plus a tenth as
// many others around them; the whole view exported through exportOrdersCsv -- the
// function the route streams -- read to the end as a client would, chunks dropped.
// Baselines measured in the same run:
// - memory: the process's RSS just before the export (after a warm-up export of one
//   page): the export's cost is the peak RSS above it. Goal: bounded, whatever N
//   (<= 100 MB above the baseline at 100,000 orders), which the peak half way through
//   shows too: a bounded export is no bigger at the end;
// - time: a bare better-sqlite3 read of the same rows (orders joined to their lines, in
//   the view's order, iterated without keeping them). Goal: <= 10x that read.
// Seeding goes through better-sqlite3 in large transactions, secondary indexes built
// after the load. --store keeps the seeded file and reuses it on the next run.
// A report, not a test: it always exits 0.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { figure, writeBenchResult } from "@/lib/launcher/bench-result";
import { Random } from "@/lib/cdiscount/sandbox/random";
import { parseQueueParams } from "../queue-params";

const { values } = parseArgs({ options: { orders: { type: "string", default: "100000" }, store: { type: "string" }, "page-size": { type: "string" } } });
const ORDERS = Number(values.orders);
const OTHERS = Math.round(ORDERS / 10);
// The export's modules are marked server-only, which throws outside React Server
// Components: this script is the server here, so the marker resolves to nothing.
const require = createRequire(import.meta.url);
require.cache[require.resolve("server-only")] = { exports: {} } as NodeJS.Module;
const GOALS = { rssGrowthMb: 100, ratioToBareRead: 10 };
const SHOP = "bench-shop";
const NOW = new Date("2026-11-27T09:00:00Z");
const DAY = 86_400_000;
const QUERY = "view=SHIPPED";

const dir = values.store ? path.dirname(path.resolve(values.store)) : mkdtempSync(path.join(tmpdir(), "desk-bench-export-"));
const file = values.store ? path.resolve(values.store) : path.join(dir, "store.db");
const dbUrl = `file:${file}`;
process.env.DATABASE_URL = dbUrl;

/** Prisma's SQLite date format: ISO text with an explicit offset. */
const sqliteDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const insertSql = (table: string, columns: string[]) => `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;

const ORDER_COLUMNS = [
  "id", "shopId", "orderNumber", "marketplaceState", "status", "bucket", "shippingCode", "fulfillmentType", "initialTotalAmount", "initialTotalShippingChargesAmount",
  "validatedTotalAmount", "validatedTotalShippingCharges", "shippedTotalAmount", "shippedTotalShippingCharges", "siteCommissionPromisedAmount", "siteCommissionValidatedAmount",
  "siteCommissionShippedAmount", "marketplaceCreatedAt", "marketplaceUpdatedAt", "shippingDateMax", "customerCivility", "customerFirstName", "customerLastName", "customerPhone",
  "shippingAddress", "billingAddress", "carrierName", "trackingNumber", "syncedAt", "createdAt", "updatedAt",
];
const LINE_COLUMNS = ["id", "orderId", "position", "sellerProductId", "productEan", "name", "acceptationState", "quantity", "purchasePrice", "unitShippingCharges", "unitAdditionalShippingCharges"];
const NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Müller"];
const OTHER_STATUSES: [string, string][] = [
  ["WaitingForSellerAcceptation", "NEW"],
  ["WaitingForShipmentAcceptation", "WAITING_SHIPMENT"],
  ["CancelledByCustomer", "CANCELED"],
  ["AutomaticCancellation", "CANCELED"],
];

async function seed(): Promise<{ lines: number; shipped: number }> {
  await deployMigrations(targetForUrl(dbUrl));
  const conn = new Database(file);
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = OFF");
  const indexes = conn.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Order', 'OrderLine')`).all() as { name: string; sql: string }[];
  for (const index of indexes) conn.exec(`DROP INDEX "${index.name}"`);
  const at = sqliteDate(NOW.getTime());
  conn.prepare(`INSERT INTO "Shop" ("id", "name", "apiLogin", "apiPasswordEncrypted", "createdAt", "updatedAt") VALUES (?, 'Bench', 'bench-api', 'x', ?, ?)`).run(SHOP, at, at);
  const insertOrder = conn.prepare(insertSql("Order", ORDER_COLUMNS));
  const insertLine = conn.prepare(insertSql("OrderLine", LINE_COLUMNS));
  const rng = new Random(20261127);
  const total = ORDERS + OTHERS;
  const span = 730 * DAY;
  let sequence = 0;
  const nextId = () => `c${(++sequence).toString(36).padStart(11, "0")}`;
  let lines = 0;
  let shipped = 0;
  const BATCH = 20_000;
  for (let start = 0; start < total; start += BATCH) {
    conn.transaction(() => {
      for (let i = start; i < Math.min(total, start + BATCH); i++) {
        // Every eleventh order is not shipped: the filter has neighbours to skip.
        const other = i % 11 === 10;
        const [status, bucket] = other ? OTHER_STATUSES[i % OTHER_STATUSES.length]! : ["Shipped", "SHIPPED"];
        if (!other) shipped++;
        const created = NOW.getTime() - span + Math.floor((i / total) * span) + rng.int(0, 60_000);
        const id = nextId();
        const amount = (rng.int(500, 50_000) / 100).toFixed(2);
        const lastName = NAMES[rng.int(0, NAMES.length - 1)]!;
        const address = JSON.stringify({ firstName: "Camille", lastName, companyName: null, address1: `${rng.int(1, 120)}, rue Victor-Hugo`, address2: rng.chance(0.2) ? 'Bât. "B"; 3e étage' : null, zipCode: "69003", city: "Lyon", country: "FR", relayId: null, instructions: null });
        insertOrder.run(
          id, SHOP, `${new Date(created).toISOString().slice(2, 16).replace(/[-T:]/g, "")}${String(i).padStart(6, "0")}`, status, status, bucket, "TRK", bucket === "SHIPPED" && rng.chance(0.1) ? "MKPFBC" : null,
          amount, "4.90", amount, "4.90", bucket === "SHIPPED" ? amount : "0", "4.90", "1.20", "1.20", "1.20",
          sqliteDate(created), sqliteDate(created + DAY), sqliteDate(created + 2 * DAY), "MR", "Camille", lastName, "+33612345678", address, address,
          bucket === "SHIPPED" ? "Colissimo" : null, bucket === "SHIPPED" ? `6A${rng.int(1e9, 9e9)}` : null, at, at, at,
        );
        const count = rng.int(1, 3);
        for (let position = 0; position < count; position++) {
          const product = rng.int(1, 5_000);
          insertLine.run(nextId(), id, position, `SKU-${String(product).padStart(5, "0")}`, `37${String(product).padStart(11, "0")}`, `Café moulu "Grand Cru" n°${product}; 250 g`, "ShippedBySeller", rng.int(1, 3), amount, "4.90", "0");
        }
        lines += count;
      }
    })();
  }
  for (const index of indexes) conn.exec(index.sql);
  conn.close();
  return { lines, shipped };
}

/** The same rows as the export, read bare: orders joined to their lines, in the view's order, not kept. */
function bareRead(): { ms: number; rows: number } {
  const conn = new Database(file, { readonly: true });
  const started = performance.now();
  let rows = 0;
  for (const row of conn
    .prepare(
      `SELECT o.*, l."position", l."sellerProductId", l."productEan", l."name", l."quantity", l."purchasePrice", l."unitShippingCharges", l."acceptationState"
       FROM "Order" o LEFT JOIN "OrderLine" l ON l."orderId" = o."id"
       WHERE o."shopId" = ? AND o."bucket" = 'SHIPPED' ORDER BY o."marketplaceCreatedAt" DESC, o."id" DESC, l."position"`,
    )
    .iterate(SHOP)) {
    if (row) rows++;
  }
  const ms = performance.now() - started;
  conn.close();
  return { ms, rows };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

try {
  if (!values.store || !existsSync(file)) {
    const started = performance.now();
    const { lines, shipped } = await seed();
    console.log(`seed: ${(ORDERS + OTHERS).toLocaleString("en")} orders (${shipped.toLocaleString("en")} shipped) and ${lines.toLocaleString("en")} lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log(`store: reusing ${file}`);
  }

  const { db } = await import("@/lib/db/client");
  const { exportOrdersCsv, queueOrderPages, EXPORT_PAGE_SIZE } = await import("@/lib/export/export-orders-csv");
  const { EXPORT_COLUMNS } = await import("@/lib/export/order-export-columns");
  const params = parseQueueParams(new URLSearchParams(QUERY));
  const pageSize = Number(values["page-size"] ?? EXPORT_PAGE_SIZE);
  const format = {
    delimiter: ";" as const,
    locale: "fr" as const,
    headers: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c])) as Record<(typeof EXPORT_COLUMNS)[number], string>,
    yes: "oui",
    no: "non",
    shopNames: new Map([[SHOP, "Bench"]]),
  };
  let peakRss = 0;
  /** The peak once half the orders are out: a bounded export is no bigger at the end than half way. */
  let peakAtHalf: number | null = null;
  const run = async (maxPages: number) => {
    let pages = 0;
    let orders = 0;
    let records = 0;
    let bytes = 0;
    const onPage = (p: { orders: number; records: number }) => {
      pages += 1;
      orders += p.orders;
      records += p.records;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (peakAtHalf === null && orders >= ORDERS / 2) peakAtHalf = peakRss;
    };
    const reader = exportOrdersCsv(db, { shopIds: [SHOP], pages: queueOrderPages(db, { shopIds: [SHOP], params, now: NOW }), format, onPage, pageSize }).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (pages >= maxPages) {
        await reader.cancel();
        break;
      }
    }
    return { pages, orders, records, bytes };
  };

  // Warm-up: one page, so the baseline holds the loaded client and compiled queries.
  await run(1);
  (globalThis as { gc?: () => void }).gc?.();
  peakAtHalf = null;
  const baselineRss = process.memoryUsage().rss;
  peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const result = await run(Number.POSITIVE_INFINITY);
  const exportMs = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await db.$disconnect();

  const bare = bareRead();
  const exported = result.orders;
  const growth = mb(peakRss - baselineRss);
  const ratio = exportMs / bare.ms;
  const ordersPerSecond = exported / (exportMs / 1000);

  const row = (figure: string, goal: string, measured: string, verdict: boolean | null) =>
    console.log(`${figure.padEnd(40)} ${goal.padEnd(12)} ${measured.padEnd(26)} ${verdict === null ? "" : verdict ? "PASS" : "FAIL"}`);
  console.log(`\nNode ${process.version}, ${QUERY}: about ${ORDERS.toLocaleString("en")} orders to export among ${(ORDERS + OTHERS).toLocaleString("en")}, pages of ${pageSize.toLocaleString("en")}`);
  console.log(`${"figure".padEnd(40)} ${"goal".padEnd(12)} ${"measured".padEnd(26)} verdict`);
  row("export: orders / CSV records", "—", `${exported.toLocaleString("en")} / ${result.records.toLocaleString("en")}`, null);
  row("export: CSV size, database pages read", "—", `${mb(result.bytes).toFixed(1)} MB, ${result.pages} pages`, null);
  row("export time", "—", `${(exportMs / 1000).toFixed(1)} s (${ordersPerSecond.toFixed(0)} orders/s)`, null);
  row("baseline: bare SQL read of the same rows", "—", `${(bare.ms / 1000).toFixed(2)} s (${bare.rows.toLocaleString("en")} rows)`, null);
  row("time vs bare read (export / read)", `≤ ${GOALS.ratioToBareRead}×`, `${ratio.toFixed(1)}×`, ratio <= GOALS.ratioToBareRead);
  row("baseline: RSS before the export", "—", `${mb(baselineRss).toFixed(0)} MB`, null);
  row("peak RSS during the export", "—", `${mb(peakRss).toFixed(0)} MB`, null);
  row("peak RSS growth, first half exported", "—", `${mb((peakAtHalf ?? peakRss) - baselineRss).toFixed(0)} MB`, null);
  row("peak RSS growth (peak - baseline)", `≤ ${GOALS.rssGrowthMb} MB`, `${growth.toFixed(0)} MB (${(mb(peakRss) / mb(baselineRss)).toFixed(2)}× baseline)`, growth <= GOALS.rssGrowthMb);
  writeBenchResult("export", `${exported.toLocaleString("en")} orders, ${result.records.toLocaleString("en")} rows`, [
    figure({ figure: "CSV export: RSS growth", goal: `≤ ${GOALS.rssGrowthMb} MB`, measured: Math.round(growth), unit: "MB", ratio: Math.round((mb(peakRss) / mb(baselineRss)) * 100) / 100, baseline: `RSS before ${mb(baselineRss).toFixed(0)} MB`, met: growth <= GOALS.rssGrowthMb }),
    figure({ figure: "CSV export: time vs bare read", goal: `≤ ${GOALS.ratioToBareRead}×`, measured: Math.round((exportMs / 1000) * 10) / 10, unit: "s", ratio: Math.round(ratio * 10) / 10, baseline: `bare SQL read ${(bare.ms / 1000).toFixed(2)} s`, met: ratio <= GOALS.ratioToBareRead }),
  ]);
} catch (error) {
  console.error(error);
} finally {
  if (!values.store) rmSync(dir, { recursive: true, force: true });
}
