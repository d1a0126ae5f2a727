// The sync's bulk path. Prisma's createMany ingests ~400 orders/s here (the client, not
// the database, is the bottleneck), so orders go in with plain SQL: on SQLite through a
// dedicated better-sqlite3 connection with prepared statements, on PostgreSQL as
// multi-row statements through Prisma's connection. One transaction per batch: orders
// upserted by (shop, order number), lines replaced, state changes recorded as timeline
// events. An older LastUpdatedDate never overwrites a newer one -- checked in SQL, so it
// holds even against a concurrent writer.
import { timeOrderedId } from "@/lib/db/ids";
import Database from "better-sqlite3";
import { urlOf, type Db, type TransactionClient } from "@/lib/db/client";
import { engineOf, sqliteFilePath, type DatabaseEngine } from "@/lib/db/url";
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

// Multi-row statements (PostgreSQL path): PostgreSQL binds at most 65,535 parameters.
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

interface StoredOrder {
  id: string;
  status: string;
  marketplaceState: string;
  updatedAt: number | null;
}

/** The statements the write needs, per engine; all run inside `transaction`. */
interface WriteOps {
  existing(shopId: string, orderNumbers: string[]): Promise<Map<string, StoredOrder>>;
  /** Ids of the orders written, by number: an order the newer-version guard kept is absent. */
  upsertOrders(shopId: string, records: OrderRecord[], now: Date): Promise<Map<string, string>>;
  /**
   * Writes `lines` in place, keyed by (order, position), then deletes the lines an already
   * stored order no longer has (`keep`: how many it has now). Updating in place rather than
   * deleting and re-inserting keeps each line's row and index entries where they are.
   */
  replaceLines(storedOrders: { orderId: string; keep: number }[], lines: LineRow[]): Promise<void>;
  insertEvents(events: EventRow[], now: Date): Promise<void>;
}

interface WriteBackend {
  transaction<T>(fn: (ops: WriteOps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// RETURNING yields the rows inserted or updated, not those the guard kept: which orders
// were really written, without reading them back, even against a concurrent writer.
const ORDER_UPSERT_TAIL = (updates: string) =>
  `ON CONFLICT ("shopId", "orderNumber") DO UPDATE SET ${updates}
   WHERE "Order"."marketplaceUpdatedAt" IS NULL OR "Order"."marketplaceUpdatedAt" <= excluded."marketplaceUpdatedAt"
   RETURNING "id", "orderNumber"`;
const ORDER_NAMES = ["id", "shopId", ...ORDER_COLUMNS.map(([n]) => n), "syncedAt", "createdAt", "updatedAt"];
// Carrier, tracking and our own timestamps are the desk's, not the marketplace's: kept.
const ORDER_UPDATES = [...ORDER_COLUMNS.map(([n]) => n), "syncedAt", "updatedAt"].map((n) => `${quote(n)} = excluded.${quote(n)}`).join(", ");
const EVENT_NAMES = [...EVENT_COLUMNS.map(([n]) => n), "createdAt"];
const LINE_INSERT = `INSERT INTO "OrderLine" (${LINE_COLUMNS.map(([n]) => quote(n)).join(", ")})`;
const LINE_UPSERT_TAIL = `ON CONFLICT ("orderId", "position") DO UPDATE SET ${LINE_COLUMNS.filter(([n]) => !["id", "orderId", "position"].includes(n))
  .map(([n]) => `${quote(n)} = excluded.${quote(n)}`)
  .join(", ")}`;

const toStored = (r: { id: string; status: string; marketplaceState: string; marketplaceUpdatedAt: Date | string | null }): StoredOrder => ({
  id: r.id,
  status: r.status,
  marketplaceState: r.marketplaceState,
  updatedAt: r.marketplaceUpdatedAt === null ? null : new Date(r.marketplaceUpdatedAt).getTime(),
});

/** PostgreSQL: multi-row statements through Prisma's connection, in its transaction. */
class PrismaBackend implements WriteBackend {
  constructor(
    private readonly db: Db,
    private readonly engine: DatabaseEngine,
  ) {}

  transaction<T>(fn: (ops: WriteOps) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => fn(this.ops(tx)), { timeout: 120_000 });
  }

  async close(): Promise<void> {}

  private ops(tx: TransactionClient): WriteOps {
    const engine = this.engine;
    return {
      async existing(shopId, orderNumbers) {
        const out = new Map<string, StoredOrder>();
        for (const batch of chunks(orderNumbers, 500)) {
          const st = new Statement(engine);
          const shop = st.placeholder("text", shopId);
          const list = batch.map((n) => st.placeholder("text", n)).join(", ");
          const rows = await tx.$queryRawUnsafe<{ id: string; orderNumber: string; status: string; marketplaceState: string; marketplaceUpdatedAt: Date | string | null }[]>(
            `SELECT "id", "orderNumber", "status", "marketplaceState", "marketplaceUpdatedAt" FROM "Order" WHERE "shopId" = ${shop} AND "orderNumber" IN (${list})`,
            ...st.params,
          );
          for (const r of rows) out.set(r.orderNumber, toStored(r));
        }
        return out;
      },
      async upsertOrders(shopId, records, now) {
        const written = new Map<string, string>();
        for (const batch of chunks(records, ORDERS_PER_STATEMENT)) {
          const st = new Statement(engine);
          const values = st.rows(batch, (o) => [
            st.placeholder("text", timeOrderedId()),
            st.placeholder("text", shopId),
            ...st.cells(o, ORDER_COLUMNS),
            st.placeholder("date", now),
            st.placeholder("date", now),
            st.placeholder("date", now),
          ]);
          const rows = await tx.$queryRawUnsafe<{ id: string; orderNumber: string }[]>(
            `INSERT INTO "Order" (${ORDER_NAMES.map(quote).join(", ")}) VALUES ${values} ${ORDER_UPSERT_TAIL(ORDER_UPDATES)}`,
            ...st.params,
          );
          for (const r of rows) written.set(r.orderNumber, r.id);
        }
        return written;
      },
      async replaceLines(storedOrders, lines) {
        for (const batch of chunks(lines, LINES_PER_STATEMENT)) {
          const st = new Statement(engine);
          await tx.$executeRawUnsafe(`${LINE_INSERT} VALUES ${st.rows(batch, (l) => st.cells(l, LINE_COLUMNS))} ${LINE_UPSERT_TAIL}`, ...st.params);
        }
        for (const batch of chunks(storedOrders, 500)) {
          const st = new Statement(engine);
          const conditions = batch.map((o) => `("orderId" = ${st.placeholder("text", o.orderId)} AND "position" >= ${st.placeholder("int", o.keep)})`);
          await tx.$executeRawUnsafe(`DELETE FROM "OrderLine" WHERE ${conditions.join(" OR ")}`, ...st.params);
        }
      },
      async insertEvents(events, now) {
        for (const batch of chunks(events, 1_000)) {
          const st = new Statement(engine);
          const values = st.rows(batch, (e) => [...st.cells(e, EVENT_COLUMNS), st.placeholder("date", now)]);
          await tx.$executeRawUnsafe(`INSERT INTO "OrderEvent" (${EVENT_NAMES.map(quote).join(", ")}) VALUES ${values}`, ...st.params);
        }
      },
    };
  }
}

/** SQLite: prepared statements on a connection of its own, the fastest path there is. */
class SqliteBackend implements WriteBackend {
  private readonly conn: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.conn = new Database(file, { timeout: 15_000 });
    // WAL lets the web server read while the sync writes, and makes commits cheap; with
    // it, NORMAL durability loses at most the last transactions on a power cut, never
    // consistency -- and the next sync run fetches them again.
    this.conn.pragma("journal_mode = WAL");
    this.conn.pragma("synchronous = NORMAL");
    // A batch touches many index pages: a larger cache keeps them from spilling mid-batch,
    // and checkpointing every ~40 MB of WAL rather than every 4 MB keeps commits short.
    this.conn.pragma("cache_size = -65536");
    this.conn.pragma("wal_autocheckpoint = 10000");
    const params = (n: number) => Array.from({ length: n }, () => "?").join(", ");
    this.statements = {
      existing: this.conn.prepare(`SELECT "id", "status", "marketplaceState", "marketplaceUpdatedAt" FROM "Order" WHERE "shopId" = ? AND "orderNumber" = ?`),
      upsert: this.conn.prepare(`INSERT INTO "Order" (${ORDER_NAMES.map(quote).join(", ")}) VALUES (${params(ORDER_NAMES.length)}) ${ORDER_UPSERT_TAIL(ORDER_UPDATES)}`),
      deleteExtraLines: this.conn.prepare(`DELETE FROM "OrderLine" WHERE "orderId" = ? AND "position" >= ?`),
      upsertLine: this.conn.prepare(`${LINE_INSERT} VALUES (${params(LINE_COLUMNS.length)}) ${LINE_UPSERT_TAIL}`),
      insertEvent: this.conn.prepare(`INSERT INTO "OrderEvent" (${EVENT_NAMES.map(quote).join(", ")}) VALUES (${params(EVENT_NAMES.length)})`),
    };
  }

  async transaction<T>(fn: (ops: WriteOps) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock up front: no deadlock upgrading a read transaction.
    this.conn.prepare("BEGIN IMMEDIATE").run();
    try {
      const result = await fn(this.ops());
      this.conn.prepare("COMMIT").run();
      return result;
    } catch (error) {
      if (this.conn.inTransaction) this.conn.prepare("ROLLBACK").run();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.conn.close();
  }

  private ops(): WriteOps {
    const s = this.statements;
    const bind = <T>(item: T, columns: readonly Column<T>[]) => columns.map(([, type, read]) => value("sqlite", type, read(item)));
    return {
      async existing(shopId, orderNumbers) {
        const out = new Map<string, StoredOrder>();
        for (const n of orderNumbers) {
          const row = s.existing.get(shopId, n) as { id: string; status: string; marketplaceState: string; marketplaceUpdatedAt: string | null } | undefined;
          if (row) out.set(n, toStored(row));
        }
        return out;
      },
      async upsertOrders(shopId, records, now) {
        const at = value("sqlite", "date", now);
        const written = new Map<string, string>();
        for (const o of records) {
          const row = s.upsert.get(timeOrderedId(), shopId, ...bind(o, ORDER_COLUMNS), at, at, at) as { id: string } | undefined;
          if (row) written.set(o.orderNumber, row.id);
        }
        return written;
      },
      async replaceLines(storedOrders, lines) {
        for (const l of lines) s.upsertLine.run(...bind(l, LINE_COLUMNS));
        for (const o of storedOrders) s.deleteExtraLines.run(o.orderId, o.keep);
      },
      async insertEvents(events, now) {
        const at = value("sqlite", "date", now);
        for (const e of events) s.insertEvent.run(...bind(e, EVENT_COLUMNS), at);
      },
    };
  }
}

export class OrderWriter {
  private readonly backend: WriteBackend;

  constructor(db: Db) {
    const url = urlOf(db);
    const engine = engineOf(url);
    this.backend = engine === "sqlite" ? new SqliteBackend(sqliteFilePath(url)) : new PrismaBackend(db, engine);
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
    return this.backend.transaction(async (ops) => {
      const existing = await ops.existing(shopId, unique.map((r) => r.orderNumber));
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
      const ids = await ops.upsertOrders(shopId, toWrite, now);
      // A concurrent writer may have stored a newer version in between: the SQL guard kept
      // it, and its lines and timeline stay as they are.
      const written = toWrite.filter((r) => ids.has(r.orderNumber));
      counts.unchangedCount += toWrite.length - written.length;
      counts.newCount = written.filter((r) => !existing.has(r.orderNumber)).length;
      counts.updatedCount = written.length - counts.newCount;
      const idOf = (r: OrderRecord) => ids.get(r.orderNumber)!;
      await ops.replaceLines(
        written.filter((r) => existing.has(r.orderNumber)).map((r) => ({ orderId: idOf(r), keep: r.lines.length })),
        written.flatMap((r) => r.lines.map((l) => ({ ...l, id: timeOrderedId(), orderId: idOf(r) }))),
      );
      const events: EventRow[] = [];
      for (const r of written) {
        const before = existing.get(r.orderNumber);
        if (before && before.status === r.status && before.marketplaceState === r.marketplaceState) continue;
        events.push({
          id: timeOrderedId(),
          orderId: idOf(r),
          kind: MARKETPLACE_STATE_CHANGE,
          occurredAt: r.marketplaceUpdatedAt,
          fromStatus: before?.status ?? null,
          toStatus: r.status,
          data: { marketplaceState: r.marketplaceState, previousMarketplaceState: before?.marketplaceState ?? null },
        });
      }
      await ops.insertEvents(events, now);
      return counts;
    });
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
