// The sandbox's state on disk (SQLite through better-sqlite3): accounts, tokens, orders
// with their planned future, injected faults, the log of calls, and settings. It
// survives restarts; ":memory:" gives a throwaway one.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SandboxOrder } from "./lifecycle";
import { toXml } from "../xml/build";
import { encodeOrder } from "../protocol/orders";

const DATE_KEYS = new Set(["creationDate", "lastUpdatedDate", "modifiedDate", "shippingDateMax", "shippingDateMin", "deliveryDateMax", "deliveryDateMin", "createDate"]);

/** JSON.parse reviver for sandbox orders: their date members come back as Dates. */
export function revive(key: string, value: unknown): unknown {
  return DATE_KEYS.has(key) && typeof value === "string" ? new Date(value) : value;
}

export interface OrderWindow {
  createdFrom?: number;
  createdTo?: number;
  updatedFrom?: number;
  updatedTo?: number;
}

export interface OrderRow {
  order_number: string;
  state: string;
  corporation: string | null;
  mod_ges_log: string | null;
  xml: string | null;
  data: string;
}

export interface FaultRow {
  id: number;
  login: string | null;
  operation: string | null;
  kind: string;
  remaining: number;
  params: Record<string, unknown>;
}

export interface CallRow {
  id: number;
  login: string | null;
  operation: string;
  at: number;
  detail: unknown;
  /** The injected fault this call met, if any. */
  fault: string | null;
}

export class SandboxStore {
  readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS accounts (login TEXT PRIMARY KEY, password TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, login TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS orders (
        login TEXT NOT NULL, order_number TEXT NOT NULL, state TEXT NOT NULL, created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL, next_event_at INTEGER, data TEXT NOT NULL, PRIMARY KEY (login, order_number));
      CREATE INDEX IF NOT EXISTS orders_updated ON orders (login, updated_ms);
      CREATE INDEX IF NOT EXISTS orders_created ON orders (login, created_ms);
      CREATE INDEX IF NOT EXISTS orders_next_event ON orders (next_event_at) WHERE next_event_at IS NOT NULL;
      CREATE TABLE IF NOT EXISTS faults (id INTEGER PRIMARY KEY AUTOINCREMENT, login TEXT, operation TEXT, kind TEXT NOT NULL, remaining INTEGER NOT NULL, params TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS calls (id INTEGER PRIMARY KEY AUTOINCREMENT, login TEXT, operation TEXT NOT NULL, at INTEGER NOT NULL, detail TEXT, fault TEXT);
      CREATE INDEX IF NOT EXISTS calls_login_at ON calls (login, at);
      CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    // Columns added after the first sandboxes were created: added to older files in place.
    const columns = new Set((this.db.prepare("PRAGMA table_info(orders)").all() as { name: string }[]).map((c) => c.name));
    for (const [name, type] of [["corporation", "TEXT"], ["mod_ges_log", "TEXT"], ["xml", "TEXT"]] as const) {
      if (!columns.has(name)) this.db.exec(`ALTER TABLE orders ADD COLUMN ${name} ${type}`);
    }
    const callColumns = new Set((this.db.prepare("PRAGMA table_info(calls)").all() as { name: string }[]).map((c) => c.name));
    if (!callColumns.has("fault")) this.db.exec("ALTER TABLE calls ADD COLUMN fault TEXT");
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ---------------------------------------------------------------- settings
  getSetting<T>(key: string, fallback: T): T {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  setSetting(key: string, value: unknown): void {
    this.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, JSON.stringify(value));
  }

  // ---------------------------------------------------------------- accounts and tokens
  upsertAccount(login: string, password: string, now: number): void {
    this.db
      .prepare("INSERT INTO accounts (login, password, created_at) VALUES (?, ?, ?) ON CONFLICT(login) DO UPDATE SET password = excluded.password")
      .run(login, password, now);
  }

  account(login: string): { login: string; password: string } | undefined {
    return this.db.prepare("SELECT login, password FROM accounts WHERE login = ?").get(login) as { login: string; password: string } | undefined;
  }

  accounts(): string[] {
    return (this.db.prepare("SELECT login FROM accounts ORDER BY login").all() as { login: string }[]).map((r) => r.login);
  }

  saveToken(token: string, login: string, expiresAt: number): void {
    this.db.prepare("INSERT INTO tokens (token, login, expires_at) VALUES (?, ?, ?)").run(token, login, expiresAt);
  }

  tokenLogin(token: string, now: number): string | undefined {
    const row = this.db.prepare("SELECT login FROM tokens WHERE token = ? AND expires_at > ?").get(token, now) as { login: string } | undefined;
    return row?.login;
  }

  revokeTokens(login: string | null): void {
    if (login) this.db.prepare("DELETE FROM tokens WHERE login = ?").run(login);
    else this.db.prepare("DELETE FROM tokens").run();
  }

  // ---------------------------------------------------------------- orders
  saveOrder(login: string, entry: SandboxOrder): void {
    const { order, plan } = entry;
    this.db
      .prepare(
        `INSERT INTO orders (login, order_number, state, created_ms, updated_ms, next_event_at, data, corporation, mod_ges_log, xml)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(login, order_number) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms,
           next_event_at = excluded.next_event_at, data = excluded.data, corporation = excluded.corporation,
           mod_ges_log = excluded.mod_ges_log, xml = excluded.xml`,
      )
      .run(
        login,
        order.orderNumber,
        order.orderState,
        order.creationDate.getTime(),
        (order.lastUpdatedDate ?? order.creationDate).getTime(),
        plan.next?.at ?? null,
        JSON.stringify(entry),
        order.corporationCode,
        order.modGesLog,
        // GetOrderList with lines is what every sync asks for: encoded once, when saved.
        toXml(encodeOrder(order, { withLines: true, withParcels: false })),
      );
  }

  private parse(rows: { data: string }[]): SandboxOrder[] {
    return rows.map((r) => JSON.parse(r.data, revive) as SandboxOrder);
  }

  order(login: string, orderNumber: string): SandboxOrder | undefined {
    return this.parse(this.db.prepare("SELECT data FROM orders WHERE login = ? AND order_number = ?").all(login, orderNumber) as { data: string }[])[0];
  }

  ordersByNumbers(login: string, numbers: string[]): SandboxOrder[] {
    return numbers.map((n) => this.order(login, n)).filter((o): o is SandboxOrder => Boolean(o));
  }

  /** Orders whose creation and/or last update fall in the given windows (bounds inclusive). */
  ordersInWindow(login: string, w: OrderWindow): SandboxOrder[] {
    return this.parse(this.rowsInWindow(login, w));
  }

  /** The same, as rows: what filtering needs, the cached XML, and the data to decode on demand. */
  rowsInWindow(login: string, w: OrderWindow): OrderRow[] {
    const bounds: [string, number | undefined][] = [
      ["created_ms >= ?", w.createdFrom],
      ["created_ms <= ?", w.createdTo],
      ["updated_ms >= ?", w.updatedFrom],
      ["updated_ms <= ?", w.updatedTo],
    ];
    const used = bounds.filter((b): b is [string, number] => b[1] !== undefined);
    const clauses = ["login = ?", ...used.map(([clause]) => clause)];
    const args: (string | number)[] = [login, ...used.map(([, value]) => value)];
    return this.db
      .prepare(`SELECT order_number, state, corporation, mod_ges_log, xml, data FROM orders WHERE ${clauses.join(" AND ")} ORDER BY created_ms, order_number`)
      .all(...args) as OrderRow[];
  }

  rowsByNumbers(login: string, numbers: string[]): OrderRow[] {
    const statement = this.db.prepare("SELECT order_number, state, corporation, mod_ges_log, xml, data FROM orders WHERE login = ? AND order_number = ?");
    return numbers.map((n) => statement.get(login, n) as OrderRow | undefined).filter((r): r is OrderRow => Boolean(r));
  }

  static entryOf(row: OrderRow): SandboxOrder {
    return JSON.parse(row.data, revive) as SandboxOrder;
  }

  allOrders(login: string): SandboxOrder[] {
    return this.parse(this.db.prepare("SELECT data FROM orders WHERE login = ? ORDER BY created_ms, order_number").all(login) as { data: string }[]);
  }

  countOrders(login: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM orders WHERE login = ?").get(login) as { n: number }).n;
  }

  dueOrders(now: number, limit = 5000): { login: string; entry: SandboxOrder }[] {
    const rows = this.db
      .prepare("SELECT login, data FROM orders WHERE next_event_at IS NOT NULL AND next_event_at <= ? ORDER BY next_event_at LIMIT ?")
      .all(now, limit) as { login: string; data: string }[];
    return rows.map((r) => ({ login: r.login, entry: JSON.parse(r.data, revive) as SandboxOrder }));
  }

  // ---------------------------------------------------------------- faults and calls
  addFault(f: Omit<FaultRow, "id">): number {
    return Number(
      this.db.prepare("INSERT INTO faults (login, operation, kind, remaining, params) VALUES (?, ?, ?, ?, ?)").run(f.login, f.operation, f.kind, f.remaining, JSON.stringify(f.params)).lastInsertRowid,
    );
  }

  /** Takes one use of the first matching fault, if any. */
  takeFault(login: string | null, operation: string): FaultRow | undefined {
    const row = this.db
      .prepare("SELECT * FROM faults WHERE remaining > 0 AND (login IS NULL OR login = ?) AND (operation IS NULL OR operation = ?) ORDER BY id LIMIT 1")
      .get(login, operation) as (Omit<FaultRow, "params"> & { params: string }) | undefined;
    if (!row) return undefined;
    this.db.prepare("UPDATE faults SET remaining = remaining - 1 WHERE id = ?").run(row.id);
    return { ...row, params: JSON.parse(row.params) as Record<string, unknown> };
  }

  clearFaults(): void {
    this.db.prepare("DELETE FROM faults").run();
  }

  faults(): FaultRow[] {
    return (this.db.prepare("SELECT * FROM faults WHERE remaining > 0 ORDER BY id").all() as (Omit<FaultRow, "params"> & { params: string })[]).map((r) => ({
      ...r,
      params: JSON.parse(r.params) as Record<string, unknown>,
    }));
  }

  recordCall(login: string | null, operation: string, at: number, detail: unknown, fault: string | null = null): void {
    this.db.prepare("INSERT INTO calls (login, operation, at, detail, fault) VALUES (?, ?, ?, ?, ?)").run(login, operation, at, JSON.stringify(detail ?? null), fault);
  }

  callsSince(login: string, since: number): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM calls WHERE login = ? AND at >= ?").get(login, since) as { n: number }).n;
  }

  calls(login?: string, operation?: string): CallRow[] {
    const rows = this.db
      .prepare("SELECT * FROM calls WHERE (? IS NULL OR login = ?) AND (? IS NULL OR operation = ?) ORDER BY id")
      .all(login ?? null, login ?? null, operation ?? null, operation ?? null) as (Omit<CallRow, "detail"> & { detail: string })[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
  }

  reset(): void {
    this.db.exec("DELETE FROM accounts; DELETE FROM tokens; DELETE FROM orders; DELETE FROM faults; DELETE FROM calls; DELETE FROM settings;");
  }

  close(): void {
    this.db.close();
  }
}
