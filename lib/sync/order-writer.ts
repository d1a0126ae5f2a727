// The sync's bulk path: marketplace orders into the store with multi-row SQL through
// Prisma's own connection (Prisma's createMany ingests ~400 orders/s here; the client,
// not the database, is the bottleneck). One transaction per batch: orders upserted by
// (shop, order number), lines replaced, state changes recorded as timeline events. An
// older LastUpdatedDate never overwrites a newer one -- checked in SQL, so it holds even
// against a concurrent writer.
import { randomUUID } from "node:crypto";
import type { Db, TransactionClient } from "@/lib/db/client";
import { databaseUrl, engineOf, type DatabaseEngine } from "@/lib/db/url";
import type { LineRecord, OrderRecord } from "./order-record";

type ColumnType = "text" | "int" | "bool" | "decimal" | "date" | "json";
type Column<T> = readonly [name: string, type: ColumnType, read: (row: T) => unknown];

const ORDER_COLUMNS: readonly Column<OrderRecord>[] = [
  ["orderNumber", "text", (o) => o.orderNumber],
  ["marketplaceState", "text", (o) => o.marketplaceState],
  ["status", "text", (o) => o.status],
  ["bucket", "text", (o) => o.bucket],
  ["paymentStatus", "text", (o) => o.paymentStatus],
  ["validationStatus", "text", (o) => o.validationStatus],
  ["corporationCode", "text", (o) => o.corporationCode],
  ["shippingCode", "text", (o) => o.shippingCode],
  ["modGesLog", "text", (o) => o.modGesLog],
  ["fulfillmentType", "text", (o) => o.fulfillmentType],
  ["isCLogistiqueOrder", "bool", (o) => o.isCLogistiqueOrder],
  ["deliveredByMarketplace", "bool", (o) => o.deliveredByMarketplace],
  ["hasClaims", "bool", (o) => o.hasClaims],
  ["partnerOrderRef", "text", (o) => o.partnerOrderRef],
  ["initialTotalAmount", "decimal", (o) => o.initialTotalAmount],
  ["initialTotalShippingChargesAmount", "decimal", (o) => o.initialTotalShippingChargesAmount],
  ["validatedTotalAmount", "decimal", (o) => o.validatedTotalAmount],
  ["validatedTotalShippingCharges", "decimal", (o) => o.validatedTotalShippingCharges],
  ["shippedTotalAmount", "decimal", (o) => o.shippedTotalAmount],
  ["shippedTotalShippingCharges", "decimal", (o) => o.shippedTotalShippingCharges],
  ["siteCommissionPromisedAmount", "decimal", (o) => o.siteCommissionPromisedAmount],
  ["siteCommissionValidatedAmount", "decimal", (o) => o.siteCommissionValidatedAmount],
  ["siteCommissionShippedAmount", "decimal", (o) => o.siteCommissionShippedAmount],
  ["marketplaceCreatedAt", "date", (o) => o.marketplaceCreatedAt],
  ["marketplaceUpdatedAt", "date", (o) => o.marketplaceUpdatedAt],
  ["shippingDateMin", "date", (o) => o.shippingDateMin],
  ["shippingDateMax", "date", (o) => o.shippingDateMax],
  ["customerId", "text", (o) => o.customerId],
  ["customerCivility", "text", (o) => o.customerCivility],
  ["customerFirstName", "text", (o) => o.customerFirstName],
  ["customerLastName", "text", (o) => o.customerLastName],
  ["customerEmail", "text", (o) => o.customerEmail],
  ["customerEncryptedEmail", "text", (o) => o.customerEncryptedEmail],
  ["customerPhone", "text", (o) => o.customerPhone],
  ["customerMobilePhone", "text", (o) => o.customerMobilePhone],
  ["shippingAddress", "json", (o) => o.shippingAddress],
  ["billingAddress", "json", (o) => o.billingAddress],
];

type LineRow = LineRecord & { id: string; orderId: string };
const LINE_COLUMNS: readonly Column<LineRow>[] = [
  ["id", "text", (l) => l.id],
  ["orderId", "text", (l) => l.orderId],
  ["position", "int", (l) => l.position],
  ["sellerProductId", "text", (l) => l.sellerProductId],
  ["sku", "text", (l) => l.sku],
  ["productId", "text", (l) => l.productId],
  ["productEan", "text", (l) => l.productEan],
  ["name", "text", (l) => l.name],
  ["categoryCode", "text", (l) => l.categoryCode],
  ["productCondition", "text", (l) => l.productCondition],
  ["acceptationState", "text", (l) => l.acceptationState],
  ["quantity", "int", (l) => l.quantity],
  ["purchasePrice", "decimal", (l) => l.purchasePrice],
  ["initialPrice", "decimal", (l) => l.initialPrice],
  ["unitShippingCharges", "decimal", (l) => l.unitShippingCharges],
  ["unitAdditionalShippingCharges", "decimal", (l) => l.unitAdditionalShippingCharges],
  ["deliveryDateMin", "date", (l) => l.deliveryDateMin],
  ["deliveryDateMax", "date", (l) => l.deliveryDateMax],
  ["shippingDateMin", "date", (l) => l.shippingDateMin],
  ["shippingDateMax", "date", (l) => l.shippingDateMax],
  ["hasClaim", "bool", (l) => l.hasClaim],
  ["refundShippingCharges", "bool", (l) => l.refundShippingCharges],
  ["isFeeLine", "bool", (l) => l.isFeeLine],
];

interface EventRow {
  id: string;
  orderId: string;
  kind: string;
  occurredAt: Date;
  fromStatus: string | null;
  toStatus: string | null;
  data: unknown;
}
const EVENT_COLUMNS: readonly Column<EventRow>[] = [
  ["id", "text", (e) => e.id],
  ["orderId", "text", (e) => e.orderId],
  ["kind", "text", (e) => e.kind],
  ["occurredAt", "date", (e) => e.occurredAt],
  ["fromStatus", "text", (e) => e.fromStatus],
  ["toStatus", "text", (e) => e.toStatus],
  ["data", "json", (e) => e.data],
];

export const MARKETPLACE_STATE_CHANGE = "MARKETPLACE_STATE_CHANGE";

const PG_CASTS: Readonly<Record<ColumnType, string>> = { text: "text", int: "integer", bool: "boolean", decimal: "numeric", date: "timestamp(3)", json: "jsonb" };

/** Values as each engine stores them: Prisma keeps SQLite dates as ISO text. */
function value(engine: DatabaseEngine, type: ColumnType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case "bool":
      return engine === "sqlite" ? (v ? 1 : 0) : v;
    case "date":
      return engine === "sqlite" ? (v as Date).toISOString().replace("Z", "+00:00") : (v as Date).toISOString();
    case "json":
      return JSON.stringify(v);
    default:
      return v;
  }
}

class Statement {
  readonly params: unknown[] = [];
  constructor(private readonly engine: DatabaseEngine) {}

  placeholder(type: ColumnType, v: unknown): string {
    this.params.push(value(this.engine, type, v));
    return this.engine === "sqlite" ? "?" : `$${this.params.length}::${PG_CASTS[type]}`;
  }

  cells<T>(item: T, columns: readonly Column<T>[]): string[] {
    return columns.map(([, type, read]) => this.placeholder(type, read(item)));
  }

  /** `(…), (…)` for every item; `row` returns the item's placeholders in column order. */
  rows<T>(items: readonly T[], row: (item: T) => string[]): string {
    return items.map((item) => `(${row(item).join(", ")})`).join(", ");
  }
}

const quote = (name: string) => `"${name}"`;

// SQLite binds at most 32,766 parameters per statement; stay well under it.
const ORDERS_PER_STATEMENT = 300;
const LINES_PER_STATEMENT = 1_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface WriteCounts {
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
}

export class OrderWriter {
  private readonly engine: DatabaseEngine;

  constructor(
    private readonly db: Db,
    engine?: DatabaseEngine,
  ) {
    this.engine = engine ?? engineOf(databaseUrl());
  }

  /** Writes one batch atomically; returns what changed. */
  async write(shopId: string, records: readonly OrderRecord[]): Promise<WriteCounts> {
    if (records.length === 0) return { newCount: 0, updatedCount: 0, unchangedCount: 0 };
    // The same order twice in one answer (overlapping windows): the newest version wins.
    const byNumber = new Map<string, OrderRecord>();
    for (const r of records) {
      const seen = byNumber.get(r.orderNumber);
      if (!seen || seen.marketplaceUpdatedAt < r.marketplaceUpdatedAt) byNumber.set(r.orderNumber, r);
    }
    const unique = [...byNumber.values()];
    return this.db.$transaction(async (tx) => {
      const existing = await this.existing(tx, shopId, unique.map((r) => r.orderNumber));
      const toWrite = unique.filter((r) => {
        const stored = existing.get(r.orderNumber);
        return !stored || stored.updatedAt === null || stored.updatedAt < r.marketplaceUpdatedAt.getTime();
      });
      const counts: WriteCounts = {
        newCount: toWrite.filter((r) => !existing.has(r.orderNumber)).length,
        updatedCount: toWrite.filter((r) => existing.has(r.orderNumber)).length,
        unchangedCount: unique.length - toWrite.length,
      };
      if (toWrite.length === 0) return counts;

      const now = new Date();
      for (const batch of chunks(toWrite, ORDERS_PER_STATEMENT)) await this.upsertOrders(tx, shopId, batch, now);
      const ids = await this.existing(tx, shopId, toWrite.map((r) => r.orderNumber));

      const orderIds = toWrite.map((r) => ids.get(r.orderNumber)!.id);
      for (const batch of chunks(orderIds, 500)) {
        const st = new Statement(this.engine);
        await tx.$executeRawUnsafe(`DELETE FROM "OrderLine" WHERE "orderId" IN (${batch.map((id) => st.placeholder("text", id)).join(", ")})`, ...st.params);
      }
      const lines: LineRow[] = toWrite.flatMap((r) => r.lines.map((l) => ({ ...l, id: randomUUID(), orderId: ids.get(r.orderNumber)!.id })));
      for (const batch of chunks(lines, LINES_PER_STATEMENT)) {
        const st = new Statement(this.engine);
        const sql = `INSERT INTO "OrderLine" (${LINE_COLUMNS.map(([n]) => quote(n)).join(", ")}) VALUES ${st.rows(batch, (l) => st.cells(l, LINE_COLUMNS))}`;
        await tx.$executeRawUnsafe(sql, ...st.params);
      }

      const events: EventRow[] = [];
      for (const r of toWrite) {
        const before = existing.get(r.orderNumber);
        if (before && before.status === r.status && before.marketplaceState === r.marketplaceState) continue;
        events.push({
          id: randomUUID(),
          orderId: ids.get(r.orderNumber)!.id,
          kind: MARKETPLACE_STATE_CHANGE,
          occurredAt: r.marketplaceUpdatedAt,
          fromStatus: before?.status ?? null,
          toStatus: r.status,
          data: { marketplaceState: r.marketplaceState, previousMarketplaceState: before?.marketplaceState ?? null },
        });
      }
      for (const batch of chunks(events, 1_000)) {
        const st = new Statement(this.engine);
        const values = st.rows(batch, (e) => [...st.cells(e, EVENT_COLUMNS), st.placeholder("date", now)]);
        await tx.$executeRawUnsafe(`INSERT INTO "OrderEvent" (${[...EVENT_COLUMNS.map(([n]) => quote(n)), quote("createdAt")].join(", ")}) VALUES ${values}`, ...st.params);
      }
      return counts;
    });
  }

  private async upsertOrders(tx: TransactionClient, shopId: string, batch: OrderRecord[], now: Date): Promise<void> {
    const st = new Statement(this.engine);
    const mapped = ORDER_COLUMNS.map(([n]) => n);
    const names = ["id", "shopId", ...mapped, "syncedAt", "createdAt", "updatedAt"];
    const values = st.rows(batch, (o) => [
      st.placeholder("text", randomUUID()),
      st.placeholder("text", shopId),
      ...st.cells(o, ORDER_COLUMNS),
      st.placeholder("date", now),
      st.placeholder("date", now),
      st.placeholder("date", now),
    ]);
    // Carrier, tracking and our own timestamps are the desk's, not the marketplace's: kept.
    const updates = [...mapped, "syncedAt", "updatedAt"].map((n) => `${quote(n)} = excluded.${quote(n)}`).join(", ");
    await tx.$executeRawUnsafe(
      `INSERT INTO "Order" (${names.map(quote).join(", ")}) VALUES ${values}
       ON CONFLICT ("shopId", "orderNumber") DO UPDATE SET ${updates}
       WHERE "Order"."marketplaceUpdatedAt" IS NULL OR "Order"."marketplaceUpdatedAt" <= excluded."marketplaceUpdatedAt"`,
      ...st.params,
    );
  }

  private async existing(tx: TransactionClient, shopId: string, orderNumbers: string[]) {
    const out = new Map<string, { id: string; status: string; marketplaceState: string; updatedAt: number | null }>();
    for (const batch of chunks(orderNumbers, 500)) {
      const st = new Statement(this.engine);
      const shop = st.placeholder("text", shopId);
      const list = batch.map((n) => st.placeholder("text", n)).join(", ");
      const rows = await tx.$queryRawUnsafe<{ id: string; orderNumber: string; status: string; marketplaceState: string; marketplaceUpdatedAt: Date | string | null }[]>(
        `SELECT "id", "orderNumber", "status", "marketplaceState", "marketplaceUpdatedAt" FROM "Order" WHERE "shopId" = ${shop} AND "orderNumber" IN (${list})`,
        ...st.params,
      );
      for (const r of rows) {
        const at = r.marketplaceUpdatedAt === null ? null : new Date(r.marketplaceUpdatedAt).getTime();
        out.set(r.orderNumber, { id: r.id, status: r.status, marketplaceState: r.marketplaceState, updatedAt: at });
      }
    }
    return out;
  }
}
