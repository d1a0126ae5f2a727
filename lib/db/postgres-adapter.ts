// PostgreSQL refuses the character U+0000 in text, and the escape \u0000 in jsonb, with
// an error ("invalid byte sequence for encoding UTF8: 0x00"): any request carrying one --
// an order id in a URL, a search, a note -- failed with a 500, where SQLite simply finds
// nothing or stores it. No text stored here can hold U+0000, so a parameter's U+0000
// becomes U+FFFD, the replacement character: a lookup finds nothing, as on SQLite, and a
// written text keeps a visible mark where the character was.
import { PrismaPg } from "@prisma/adapter-pg";
import type { ArgType, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

const NUL = /\u0000/g;
// \u0000 in JSON text, unless its backslash is itself escaped ("\\u0000" is the text \u0000).
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

function withoutNul(value: unknown, type: ArgType | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutNul(item, type));
  if (typeof value !== "string") return value;
  const text = value.replace(NUL, "\ufffd");
  return type?.scalarType === "json" ? text.replace(ESCAPED_NUL, "$1\\ufffd") : text;
}

function cleaned(query: SqlQuery): SqlQuery {
  return { ...query, args: query.args.map((arg, i) => withoutNul(arg, query.argTypes[i])) };
}

function nulSafe<T extends SqlDriverAdapter | Transaction>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, prop, receiver) {
      if (prop === "queryRaw" || prop === "executeRaw") {
        const run = Reflect.get(target, prop, target) as (query: SqlQuery) => Promise<unknown>;
        return (query: SqlQuery) => run.call(target, cleaned(query));
      }
      if (prop === "startTransaction") {
        const start = Reflect.get(target, prop, target) as SqlDriverAdapter["startTransaction"];
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => nulSafe(await start.apply(target, args));
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export class NulSafePostgresAdapter implements SqlDriverAdapterFactory {
  private readonly inner: PrismaPg;
  readonly provider = "postgres" as const;
  readonly adapterName: string;

  constructor(...config: ConstructorParameters<typeof PrismaPg>) {
    this.inner = new PrismaPg(...config);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return nulSafe(await this.inner.connect());
  }
}
