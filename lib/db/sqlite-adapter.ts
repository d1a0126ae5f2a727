// Prisma's better-sqlite3 adapter runs every query of the process on one connection. It
// makes transactions wait for each other, but not the queries outside them: those run
// inside whatever transaction is open at that moment, and a rollback there silently
// undoes another request's write (an outbox claim, an audit row). This wrapper makes
// statements outside a transaction wait until none is open. Better-sqlite3 runs each
// statement synchronously, so once the gate is open nothing can slip in before it runs.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

class TransactionGate {
  private open: Promise<void> | null = null;

  /** Resolves when no transaction is open. */
  async idle(): Promise<void> {
    while (this.open) await this.open;
  }

  /** Waits for the gate, closes it; the returned function opens it again (once). */
  async close(): Promise<() => void> {
    await this.idle();
    let release!: () => void;
    this.open = new Promise((resolve) => (release = resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open = null;
      release();
    };
  }
}

function gated(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const gate = new TransactionGate();
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "queryRaw" || prop === "executeRaw" || prop === "executeScript") {
        const run = Reflect.get(target, prop, target) as (arg: unknown) => Promise<unknown>;
        return async (arg: unknown) => {
          await gate.idle();
          return run.call(target, arg);
        };
      }
      if (prop === "startTransaction") {
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> => {
          const reopen = await gate.close();
          let tx: Transaction;
          try {
            tx = await target.startTransaction(...args);
          } catch (error) {
            reopen();
            throw error;
          }
          const end = (finish: () => Promise<void>) => () => finish().finally(reopen);
          return Object.assign(Object.create(Object.getPrototypeOf(tx) as object) as Transaction, tx, {
            commit: end(() => tx.commit()),
            rollback: end(() => tx.rollback()),
            queryRaw: tx.queryRaw.bind(tx),
            executeRaw: tx.executeRaw.bind(tx),
          });
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export class SerializedSqliteAdapter implements SqlDriverAdapterFactory {
  private readonly inner: PrismaBetterSqlite3;
  readonly provider = "sqlite" as const;
  readonly adapterName: string;

  constructor(config: ConstructorParameters<typeof PrismaBetterSqlite3>[0]) {
    this.inner = new PrismaBetterSqlite3(config);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    // The sync's writer commits on its own connection with a 10,000-page checkpoint
    // threshold; at SQLite's default of 1,000 here, the next small write of this
    // connection (a sync cursor) would pay the checkpoint of everything the writer wrote.
    await adapter.executeScript("PRAGMA wal_autocheckpoint = 10000");
    return gated(adapter);
  }
}
