// What the review's raw SQL shares. One statement serves SQLite and PostgreSQL; they
// differ in how a date is bound (as in lib/orders/queue.ts) and in what comes back:
// SQLite returns dates as text and decimals and counts as numbers, PostgreSQL Dates,
// Decimals and bigints. The readers below accept both.
import "server-only";
import { Prisma, urlOf, type Db } from "@/lib/db/client";
import { engineOf } from "@/lib/db/url";
import { MARKETPLACE_STATE_CHANGE } from "@/lib/sync/order-writer";
import type { Period } from "./periods";

export interface ReviewSql {
  date(value: Date): Prisma.Sql;
}

export function reviewSql(db: Db): ReviewSql {
  return engineOf(urlOf(db)) === "postgresql"
    ? { date: (value) => Prisma.sql`${value.toISOString()}::timestamp(3)` }
    : // Prisma binds a Date as the ISO text SQLite stores dates in: compared as text, in order.
      { date: (value) => Prisma.sql`${value}` };
}

export const list = (values: readonly unknown[]) => Prisma.join(values as unknown[]);
export const allOf = (conditions: readonly Prisma.Sql[]) => Prisma.join(conditions as Prisma.Sql[], " AND ");

/**
 * The periods as a derived table ("p": index, start, end): joined on a date range, it
 * groups by Paris day or week in SQL, on both engines, without any timezone function.
 */
export function periodTable(sql: ReviewSql, periods: readonly Period[]): Prisma.Sql {
  const rows = periods.map((p, i) => Prisma.sql`SELECT ${Prisma.raw(String(i))} AS "period", ${sql.date(p.start)} AS "start", ${sql.date(p.end)} AS "end"`);
  return Prisma.sql`(${Prisma.join(rows, " UNION ALL ")})`;
}

export const STATE_CHANGE = MARKETPLACE_STATE_CHANGE;

/**
 * A money sum (or amount) as text. Prisma's SQLite adapter types a computed column from
 * its first row: a first sum of 25.0 would make it an integer column and read 13.5 as 13.
 * Text keeps every digit on both engines; moneyOf reads it.
 */
export const moneyText = (expression: Prisma.Sql) => Prisma.sql`CAST(${expression} AS TEXT)`;

export type SqlNumber = number | bigint | string | Prisma.Decimal | null;
export type SqlDate = Date | string;

export const numberOf = (value: SqlNumber): number => (value === null ? 0 : Number(value));
/** A money sum as a decimal string with cents (SQLite sums REALs: rounded to the cent). */
export const moneyOf = (value: SqlNumber): string => new Prisma.Decimal(value === null ? 0 : String(value)).toFixed(2);
export const isoOf = (value: SqlDate): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** An opaque keyset cursor: a sort value and an id. */
export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

export function decodeCursor(token: string | null): { value: string; id: string } | null {
  if (!token) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown[];
    if (typeof value !== "string" || typeof id !== "string" || !id || Number.isNaN(Date.parse(value))) return null;
    return { value, id };
  } catch {
    return null;
  }
}
