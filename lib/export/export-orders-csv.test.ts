// The CSV export on a real store: what a spreadsheet receives (BOM, quoting, one record
// per line, hidden customers) and how it is read (page by page, as the stream is read).
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db, Prisma } from "@/lib/db/client";
import { bucketOf, isDisplayedStatus } from "@/lib/orders/status";
import { parseQueueParams } from "@/lib/orders/queue-params";
import { CSV_DELIMITERS, csvDelimiterOf, csvRecords, textCell, type CsvDelimiter } from "./csv";
import { exportOrdersCsv, queueOrderPages } from "./export-orders-csv";
import { EXPORT_COLUMNS, type OrderCsvFormat } from "./order-export-columns";

setupTestDatabase();

const NOW = new Date("2026-11-27T10:00:00Z");
const HOUR = 3_600_000;
let shopA: string;
let shopB: string;

const address = (lastName: string, address1: string) => ({ firstName: "Zoé", lastName, address1, city: "Saint-Étienne", zipCode: "42000", country: "FR", companyName: null });

async function createOrder(shopId: string, spec: { number: string; status: string; createdAt: Date; lastName?: string; address1?: string; lines?: { sku: string | null; name: string; price: string; fee?: boolean }[]; phone?: string }) {
  const d = (v: string) => new Prisma.Decimal(v);
  await db.order.create({
    data: {
      shopId,
      orderNumber: spec.number,
      marketplaceState: spec.status,
      status: spec.status,
      bucket: bucketOf(isDisplayedStatus(spec.status) ? spec.status : "Other"),
      shippingCode: "TRK",
      initialTotalAmount: d("1234.50"),
      initialTotalShippingChargesAmount: d("4.90"),
      validatedTotalAmount: d("0"),
      validatedTotalShippingCharges: d("0"),
      shippedTotalAmount: d("0"),
      shippedTotalShippingCharges: d("0"),
      siteCommissionPromisedAmount: d("0"),
      siteCommissionValidatedAmount: d("0"),
      siteCommissionShippedAmount: d("0"),
      marketplaceCreatedAt: spec.createdAt,
      shippingDateMax: new Date(spec.createdAt.getTime() + 48 * HOUR),
      customerFirstName: spec.lastName ? "Zoé" : null,
      customerLastName: spec.lastName ?? null,
      customerPhone: spec.phone ?? null,
      shippingAddress: spec.lastName ? address(spec.lastName, spec.address1 ?? "1 rue de la Paix") : undefined,
      billingAddress: spec.lastName ? address(spec.lastName, spec.address1 ?? "1 rue de la Paix") : undefined,
      lines: {
        create: (spec.lines ?? [{ sku: "SKU-1", name: "Produit", price: "10.00" }]).map((l, position) => ({
          position,
          sellerProductId: l.sku,
          name: l.name,
          quantity: 1,
          purchasePrice: d(l.price),
          unitShippingCharges: d("0"),
          unitAdditionalShippingCharges: d("0"),
          isFeeLine: l.fee ?? false,
        })),
      },
    },
  });
}

const format = (delimiter: CsvDelimiter = ";"): OrderCsvFormat => ({
  delimiter,
  locale: "fr",
  headers: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c])) as OrderCsvFormat["headers"],
  yes: "oui",
  no: "non",
  shopNames: new Map([
    [shopA, "Boutique A"],
    [shopB, "Boutique B"],
  ]),
});

/** The bytes as text, BOM kept (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** Parsed records as objects keyed by column, BOM removed. */
function parse(text: string, delimiter: CsvDelimiter = ";") {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { delimiter, newline: "\r\n", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

const exportOf = (query: string, options: { delimiter?: CsvDelimiter; pageSize?: number; onPage?: (p: { index: number; orders: number }) => void; shopIds?: string[] } = {}) => {
  const shopIds = options.shopIds ?? [shopA];
  const pages = queueOrderPages(db, { shopIds, params: parseQueueParams(new URLSearchParams(query)), now: NOW });
  return exportOrdersCsv(db, { shopIds, pages, format: format(options.delimiter), pageSize: options.pageSize, onPage: options.onPage });
};

beforeAll(async () => {
  shopA = (await db.shop.create({ data: { name: "A", apiLogin: "a-api", apiPasswordEncrypted: "x" } })).id;
  shopB = (await db.shop.create({ data: { name: "B", apiLogin: "b-api", apiPasswordEncrypted: "x" } })).id;
  await createOrder(shopA, {
    number: "2611270001TRICK",
    status: "CancelledByCustomer",
    createdAt: new Date(NOW.getTime() - 1 * HOUR),
    lastName: 'O"Brien; Müller',
    address1: "12, rue de l'Église\nBâtiment B",
    phone: "+33612345678",
    lines: [
      { sku: "CAFÉ-1KG", name: 'Café "Grand Cru"; 1 kg', price: "12.50" },
      { sku: "=cmd|' /C calc'!A0", name: "Tasse\r\nen grès", price: "7.90" },
      { sku: null, name: "Frais de traitement", price: "0.99", fee: true },
    ],
  });
  await createOrder(shopA, {
    number: "2611270002PAYIN",
    status: "PaymentInProgress",
    createdAt: new Date(NOW.getTime() - 2 * HOUR),
    lastName: "Secretname",
    address1: "3 rue Cachée",
    phone: "0612345678",
  });
  for (let i = 0; i < 5; i++) await createOrder(shopA, { number: `26112600${i}CANCL`, status: "RefusedBySeller", createdAt: new Date(NOW.getTime() - (24 + i) * HOUR), lastName: "Durand" });
  await createOrder(shopB, { number: "2611270003SHOPB", status: "CancelledByCustomer", createdAt: new Date(NOW.getTime() - 1 * HOUR), lastName: "Autre" });
});

describe("CSV format", () => {
  it("separator: ';' by default (French Excel), ',' on request", () => {
    expect(csvDelimiterOf(null)).toBe(";");
    expect(csvDelimiterOf("semicolon")).toBe(";");
    expect(csvDelimiterOf("comma")).toBe(",");
    expect(csvDelimiterOf("tab")).toBe(";");
  });

  it("quotes separators, quotes, line breaks and edge spaces; leaves plain text as is", () => {
    expect(csvRecords([['a;b', 'say "hi"', "two\nlines", " padded", "plain", "é"]], ";")).toBe('"a;b";"say ""hi""";"two\nlines";" padded";plain;é\r\n');
    expect(csvRecords([["a,b", "a;b"]], ",")).toBe('"a,b",a;b\r\n');
  });

  it("never lets a cell run as a formula", () => {
    expect(["=1+1", "+33612345678", "-2", "@SUM(A1)", "\tx"].map(textCell)).toEqual(["'=1+1", "'+33612345678", "'-2", "'@SUM(A1)", "'\tx"]);
    expect(textCell("Dupont")).toBe("Dupont");
  });
});

describe("order export", () => {
  it("starts with a UTF-8 BOM and the header, then one record per order line, order columns repeated", async () => {
    const bytes = new Uint8Array(await new Response(exportOf("view=CANCELED")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1, 1 + "shop;orderNumber;status".length)).toBe("shop;orderNumber;status");
    const { header, rows } = parse(text);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    // 3 lines of the tricky order + 5 one-line orders, none of shop B's.
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.orderNumber)).not.toContain("2611270003SHOPB");
    const tricky = rows.filter((r) => r.orderNumber === "2611270001TRICK");
    expect(tricky.map((r) => r.linePosition)).toEqual(["1", "2", "3"]);
    expect(new Set(tricky.map((r) => r.customerLastName))).toEqual(new Set(['O"Brien; Müller']));
  });

  it("keeps ';', quotes, line breaks and accents intact through a spreadsheet's parser", async () => {
    const { rows } = parse(await readAll(exportOf("view=CANCELED")));
    const [first, second, fee] = rows.filter((r) => r.orderNumber === "2611270001TRICK");
    expect(first).toMatchObject({
      shop: "Boutique A",
      status: "Annulée par le client",
      statusCode: "CancelledByCustomer",
      shippingLastName: 'O"Brien; Müller',
      shippingAddress1: "12, rue de l'Église\nBâtiment B",
      shippingCity: "Saint-Étienne",
      sku: "CAFÉ-1KG",
      productName: 'Café "Grand Cru"; 1 kg',
      unitPrice: "12,50",
      orderAmount: "1234,50",
      customerPhone: "'+33612345678",
      createdAt: "2026-11-27 10:00:00",
      feeLine: "non",
    });
    expect(second).toMatchObject({ sku: "'=cmd|' /C calc'!A0", productName: "Tasse\r\nen grès" });
    expect(fee).toMatchObject({ sku: "", feeLine: "oui", unitPrice: "0,99" });
  });

  it("never exports the customer or the addresses of an order whose status hides them (PaymentInProgress)", async () => {
    const text = await readAll(exportOf("view=NEW"));
    const { rows } = parse(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orderNumber: "2611270002PAYIN", customerFirstName: "", customerLastName: "", customerPhone: "", shippingLastName: "", shippingAddress1: "", billingCity: "" });
    expect(text).not.toContain("Secretname");
    expect(text).not.toContain("Cachée");
  });

  it("writes ',' and decimal points when asked for commas", async () => {
    const { rows } = parse(await readAll(exportOf("view=CANCELED&status=RefusedBySeller", { delimiter: CSV_DELIMITERS.comma })), ",");
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ orderAmount: "1234.50", unitPrice: "10.00" });
  });

  it("follows the queue's filters and order: the same URL params as /orders", async () => {
    const { rows } = parse(await readAll(exportOf("view=CANCELED&status=RefusedBySeller&sort=date&dir=asc")));
    expect(rows.map((r) => r.orderNumber)).toEqual(["261126004CANCL", "261126003CANCL", "261126002CANCL", "261126001CANCL", "261126000CANCL"]);
    const searched = parse(await readAll(exportOf("view=CANCELED&q=2611270001")));
    expect(new Set(searched.rows.map((r) => r.orderNumber))).toEqual(new Set(["2611270001TRICK"]));
    // Every shop the caller may export from, when the scope says so.
    const both = parse(await readAll(exportOf("view=CANCELED&shops=all", { shopIds: [shopA, shopB] })));
    expect(both.rows.map((r) => r.shop)).toContain("Boutique B");
  });

  it("reads the database a page at a time, as the stream is read", async () => {
    const pages: number[] = [];
    const stream = exportOf("view=CANCELED", { pageSize: 2, onPage: (p) => pages.push(p.orders) });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const header = await reader.read();
    // The header is there before any order is read.
    expect(decoder.decode(header.value)).toContain("orderNumber");
    expect(pages).toEqual([]);
    const firstPage = await reader.read();
    // One page read, two orders (the tricky one's three lines and another): not the six orders.
    expect(pages).toEqual([2]);
    expect(decoder.decode(firstPage.value).split("\r\n").filter(Boolean).length).toBeGreaterThanOrEqual(4);
    const chunks = [firstPage.value!];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    // Six orders, two at a time; each read asked for one page.
    expect(pages).toEqual([2, 2, 2]);
    expect(chunks).toHaveLength(3);
  });

  it("stops reading when the download is canceled", async () => {
    const pages: number[] = [];
    const reader = exportOf("view=CANCELED", { pageSize: 1, onPage: (p) => pages.push(p.orders) }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    // Give an export that reads ahead (pages pushed from start() rather than pulled) the
    // time to go on: a few database round trips, each longer than a page read here.
    for (let i = 0; i < 5; i++) await db.order.findMany({ where: { shopId: shopA }, include: { lines: true } });
    // Header + one page asked for; at most one more read ahead by the stream's queue.
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });
});
