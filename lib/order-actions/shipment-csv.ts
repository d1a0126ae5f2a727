// Bulk shipment from a CSV file: read it (the template's English headers or their French
// equivalents, "," or ";", with or without a UTF-8 BOM), then a dry run that tells, row
// by row, what would be sent and what is wrong -- against the stored orders, with the
// same ZShipment rules as the ship form. Nothing is sent here.
import "server-only";
import Papa from "papaparse";
import type { Db } from "@/lib/db/client";
import { ZShipment } from "@/lib/orders/shipment-schema";
import { canPerform, isDisplayedStatus } from "@/lib/orders/status";
import { chunks } from "./marketplace-orders";
import type { UserProblem } from "./problems";
import { MAX_BULK_SHIPMENT_ROWS, type ShipmentRow } from "./schemas";

type ShipmentColumn = "orderNumber" | "carrierName" | "trackingNumber" | "trackingUrl";

const COLUMN_HEADERS: Readonly<Record<ShipmentColumn, readonly string[]>> = {
  orderNumber: ["order_number", "numero_commande"],
  carrierName: ["carrier", "transporteur"],
  trackingNumber: ["tracking_number", "numero_suivi"],
  trackingUrl: ["tracking_url", "url_suivi"],
};
/** The URL may be left out of the file; the other columns must be there, even if blank for some orders. */
const REQUIRED_COLUMNS: readonly ShipmentColumn[] = ["orderNumber", "carrierName", "trackingNumber"];

export interface ParsedShipmentCsv {
  rows: ShipmentRow[];
  /** Problems with the file as a whole: no row is planned when there is one. */
  problems: UserProblem[];
}

/** "Numéro commande", "numero-commande" and "NUMERO_COMMANDE" are the same column. */
function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s-]+/g, "_");
}

function columnOf(header: string): ShipmentColumn | undefined {
  const name = normalizeHeader(header);
  return (Object.keys(COLUMN_HEADERS) as ShipmentColumn[]).find((c) => COLUMN_HEADERS[c].includes(name));
}

/** The header tells the separator: guessing from the data fails on short files. */
function delimiterOf(text: string): "," | ";" {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => header.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

export function parseShipmentCsv(csvText: string): ParsedShipmentCsv {
  const text = csvText.replace(/^\uFEFF/, "");
  // Empty lines are kept (and skipped below) so that line numbers match the file.
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) return { rows: [], problems: [{ key: "unreadableFile", values: { line: (broken.row ?? 0) + 1, message: broken.message } }] };

  const [header = [], ...records] = parsed.data;
  const positions = new Map<ShipmentColumn, number>();
  header.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && !positions.has(column)) positions.set(column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length) return { rows: [], problems: [{ key: "missingColumns", values: { columns: missing.map((c) => COLUMN_HEADERS[c][0]).join(", ") } }] };

  const cell = (record: string[], column: ShipmentColumn) => {
    const index = positions.get(column);
    return index === undefined ? undefined : record[index]?.trim() || undefined;
  };
  const rows: ShipmentRow[] = [];
  records.forEach((record, index) => {
    if (record.every((c) => c.trim() === "")) return;
    rows.push({
      line: index + 2,
      orderNumber: cell(record, "orderNumber") ?? "",
      carrierName: cell(record, "carrierName"),
      trackingNumber: cell(record, "trackingNumber"),
      trackingUrl: cell(record, "trackingUrl"),
    });
  });
  if (rows.length === 0) return { rows: [], problems: [{ key: "emptyFile" }] };
  if (rows.length > MAX_BULK_SHIPMENT_ROWS) return { rows: [], problems: [tooManyRows()] };
  return { rows, problems: [] };
}

const tooManyRows = (): UserProblem => ({ key: "tooManyRows", values: { max: MAX_BULK_SHIPMENT_ROWS } });

export interface PlannedShipmentRow extends ShipmentRow {
  /** The stored order the row ships, when known. */
  orderId: string | null;
  ok: boolean;
  problems: UserProblem[];
  /** ZShipment's messages, keys under "validation", by field. */
  fieldErrors: Record<string, string[]>;
}

export interface ShipmentPlan {
  rows: PlannedShipmentRow[];
  problems: UserProblem[];
  validCount: number;
}

/** The dry run of a CSV file: nothing is sent. */
export async function planBulkShipment(db: Db, shopId: string, csvText: string): Promise<ShipmentPlan> {
  const parsed = parseShipmentCsv(csvText);
  if (parsed.problems.length) return { rows: [], problems: parsed.problems, validCount: 0 };
  return planShipmentRows(db, shopId, parsed.rows);
}

/** Checks rows against the shop's stored orders: used by the dry run and again before executing. */
export async function planShipmentRows(db: Db, shopId: string, rows: readonly ShipmentRow[]): Promise<ShipmentPlan> {
  if (rows.length > MAX_BULK_SHIPMENT_ROWS) return { rows: [], problems: [tooManyRows()], validCount: 0 };
  const numbers = [...new Set(rows.map((r) => r.orderNumber.trim()).filter(Boolean))];
  const orders = new Map<string, { id: string; status: string; shippingCode: string | null }>();
  for (const batch of chunks(numbers, 500)) {
    const found = await db.order.findMany({ where: { shopId, orderNumber: { in: batch } }, select: { id: true, orderNumber: true, status: true, shippingCode: true } });
    for (const o of found) orders.set(o.orderNumber, o);
  }
  const linesByOrder = new Map<string, number[]>();
  for (const r of rows) {
    const n = r.orderNumber.trim();
    if (n) linesByOrder.set(n, [...(linesByOrder.get(n) ?? []), r.line]);
  }

  const planned = rows.map((row): PlannedShipmentRow => {
    const orderNumber = row.orderNumber.trim();
    const order = orders.get(orderNumber);
    const problems: UserProblem[] = [];
    const fieldErrors: Record<string, string[]> = {};
    if (!orderNumber) fieldErrors.orderNumber = ["required"];
    else if (!order) problems.push({ key: "unknownOrder" });
    else if (!isDisplayedStatus(order.status) || !canPerform(order.status, "ship")) problems.push({ key: "notShippable", values: { status: order.status } });
    // Which of the rows for one order is right is the seller's call, not ours: all are held back.
    const others = (linesByOrder.get(orderNumber) ?? []).filter((line) => line !== row.line);
    if (others.length) problems.push({ key: "duplicateRow", values: { lines: others.join(", ") } });
    const shipment = ZShipment.safeParse({ shippingCode: order?.shippingCode ?? null, carrierName: row.carrierName, trackingNumber: row.trackingNumber, trackingUrl: row.trackingUrl });
    if (!shipment.success) {
      for (const issue of shipment.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    }
    const ok = problems.length === 0 && Object.keys(fieldErrors).length === 0;
    return { ...row, orderNumber, orderId: order?.id ?? null, ok, problems, fieldErrors };
  });
  return { rows: planned, problems: [], validCount: planned.filter((r) => r.ok).length };
}
