// The one runtime entry point to the database. It hides which engine is in use:
// the embedded SQLite file by default, PostgreSQL when DATABASE_URL says so. Both
// generated clients expose the same model API (they come from one schema).
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseUrl, engineOf } from "./url";
import { SerializedSqliteAdapter } from "./sqlite-adapter";
import { NulSafePostgresAdapter } from "./postgres-adapter";

export type Db = SqliteClient;
export type TransactionClient = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export { Prisma } from "./generated/sqlite/client";
export type { Role, ShopEnvironment, MarketplaceActionKind, MarketplaceActionStatus } from "./generated/sqlite/enums";

const DB_URL = Symbol("desk.databaseUrl");

/**
 * Under load a transaction may wait for a pooled connection (PostgreSQL) or for another
 * one to end (SQLite, sqlite-adapter.ts), and its own statements queue behind every other
 * request's work. Prisma's defaults (2 s to start, 5 s to finish) then failed a seller's
 * action with 50 sellers at work (npm run bench:load): wait as long as SQLite's busy
 * timeout instead, and leave the transaction room to finish.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export function createDb(url: string = databaseUrl()): Db {
  const client =
    engineOf(url) === "sqlite"
      ? // A busy timeout lets the web server and the syncer share the file without SQLITE_BUSY.
        new SqliteClient({ adapter: new SerializedSqliteAdapter({ url, timeout: 10_000 }), transactionOptions: TRANSACTION_OPTIONS })
      : // Same model API, distinct generated type: the cast is the price of one schema, two engines.
        (new PostgresClient({ adapter: new NulSafePostgresAdapter({ connectionString: url }), transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db);
  Object.defineProperty(client, DB_URL, { value: url });
  return client;
}

/** The database a client talks to (code that opens its own connection must use the same). */
export function urlOf(db: Db): string {
  return (getDbTarget(db) as { [DB_URL]?: string })[DB_URL] ?? databaseUrl();
}

function getDbTarget(db: Db): Db {
  // The shared `db` export is a proxy over the process-wide client.
  return db === dbProxy ? getDb() : db;
}

const globalForDb = globalThis as typeof globalThis & { __deskDb?: Db };

/** The process-wide client, created on first use (Next.js hot reload keeps it on globalThis). */
export function getDb(): Db {
  globalForDb.__deskDb ??= createDb();
  return globalForDb.__deskDb;
}

const dbProxy: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export const db: Db = dbProxy;
