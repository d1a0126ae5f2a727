// The order queue's read side: a page of one view, the counts behind the tabs, one
// order's detail with its timeline, and the shops whose last sync went wrong.
//
// The list and the counts are raw SQL through Prisma (parameterized), because their speed
// on a million orders depends on plan shapes the query builder cannot express:
// - a page is a UNION ALL of one branch per shop, bucket and (for a sort column that may
//   be null) null/non-null part, each branch an index range walked in the sort's order
//   from the keyset cursor with its own LIMIT: page 1 and page 10,000 cost the same,
//   with one shop or several;
// - a search starts from the few matching ids, joins their orders once into a
//   materialized table, and lists and counts from it; the attention view starts from
//   the failed actions (a CROSS JOIN fixes that order on SQLite; PostgreSQL plans it);
// - counts stop at a cap (see COUNT_CAP): every tab shows a live count, exact for the
//   working views, "10 000+" for a large history, which no request counts through.
// One statement serves SQLite and PostgreSQL; the two differences live in DIALECTS.
import "server-only";
import { Prisma, urlOf, type Db, type MarketplaceActionKind, type MarketplaceActionStatus } from "@/lib/db/client";
import { engineOf, type DatabaseEngine } from "@/lib/db/url";
import { isStorableInstant } from "@/lib/db/instants";
import { parseCdiscountDate } from "@/lib/cdiscount/dates";
import type { MarketplaceAddress } from "@/lib/cdiscount/types";
import { MARKETPLACE_STATE_CHANGE } from "@/lib/sync/order-writer";
import { ORDER_ACTION_EVENT, SELLER_ACTION } from "@/lib/order-actions/action-kinds";
import { failureOfAction, failureOfEvent, type ActionFailure } from "@/lib/order-actions/action-failure";
import { DISPLAYED_STATUSES, OTHER_STATUS, allowedActions, bucketOf, canPerform, hidesCustomer, isDisplayedStatus, type Bucket, type DisplayedStatus, type SellerAction } from "./status";
import { isFulfillmentType, type FulfillmentType } from "./fulfillment";
import {
  LATE_BUCKETS,
  QUEUE_VIEWS,
  deadlineState,
  isBucketView,
  lateDeadlineBefore,
  type DeadlineState,
  type QueueFilters,
  type QueueParams,
  type QueueSort,
  type QueueView,
  type SortDirection,
} from "./queue-params";

/**
 * Counts are exact up to COUNT_CAP. A status, shipping mode or fulfillment filter is
 * tested on each order's row, not in an index, and a row costs far more to read than an
 * index entry: those counts stop sooner, at FILTERED_COUNT_CAP.
 */
export const COUNT_CAP = 10_000;
export const FILTERED_COUNT_CAP = 1_000;

export interface QueueCount {
  /** Exact up to the cap; beyond it, the cap with `capped` set (shown as "10 000+" or "1 000+"). */
  count: number;
  capped: boolean;
}
export type QueueViewCounts = Record<QueueView, QueueCount>;

export interface QueueRow {
  id: string;
  shopId: string;
  orderNumber: string;
  status: DisplayedStatus;
  bucket: Bucket;
  /** ISO instant the marketplace created the order. */
  marketplaceCreatedAt: string;
  /** Null when the status hides the customer (PaymentInProgress) or none was sent. */
  customer: { firstName: string | null; lastName: string | null } | null;
  /**
   * initialTotalAmount (EUR, shipping included, as a decimal string): the amount the
   * customer ordered for, set once at creation. validatedTotalAmount follows the seller's
   * validation and the order's later life, so a sort on it would mix meanings.
   */
  amount: string;
  shippingCode: string | null;
  /** ISO instant of the shipping deadline, for the countdown. */
  shippingDateMax: string | null;
  deadline: DeadlineState | null;
  fulfillmentType: FulfillmentType | null;
  carrierName: string | null;
  trackingNumber: string | null;
  hasClaims: boolean;
  actions: readonly SellerAction[];
}

export interface QueuePage {
  rows: QueueRow[];
  /** Orders in this view with these filters. */
  total: QueueCount;
  /** The neighbour pages, as the URL's `after` / `before`; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

interface QueueScope {
  /** The shops the caller may read, already authorized: the current one or all of theirs. */
  shopIds: readonly string[];
  now: Date;
}

export async function listQueue(db: Db, { shopIds, params, now }: QueueScope & { params: QueueParams }): Promise<QueuePage> {
  const request = queueRequest(db, { shopIds, now, filters: params });
  const [page, counts] = await Promise.all([readPage(db, request, params), countViews(db, request, [params.view])]);
  return { ...page, total: counts[params.view]! };
}

/** The page alone, without the view's count: for readers that walk every page (the CSV export). */
export async function listQueueRows(db: Db, { shopIds, params, now }: QueueScope & { params: QueueParams }): Promise<Omit<QueuePage, "total">> {
  return readPage(db, queueRequest(db, { shopIds, now, filters: params }), params);
}

export async function countQueueViews(db: Db, { shopIds, now, filters }: QueueScope & { filters: QueueFilters }): Promise<QueueViewCounts> {
  return (await countViews(db, queueRequest(db, { shopIds, now, filters }), QUEUE_VIEWS)) as QueueViewCounts;
}

/** What the queue page needs in one call: its rows and every tab's count (the current view counted once). */
export async function loadQueuePage(db: Db, { shopIds, params, now }: QueueScope & { params: QueueParams }): Promise<QueuePage & { counts: QueueViewCounts }> {
  const request = queueRequest(db, { shopIds, now, filters: params });
  const [page, counts] = await Promise.all([readPage(db, request, params), countViews(db, request, QUEUE_VIEWS)]);
  return { ...page, total: counts[params.view]!, counts: counts as QueueViewCounts };
}

// ---------------------------------------------------------------------------------------
// SQL building blocks

interface Dialect {
  date(value: Date): Prisma.Sql;
  startsWith(column: Prisma.Sql, prefix: string): Prisma.Sql;
}

const DIALECTS: Readonly<Record<DatabaseEngine, Dialect>> = {
  sqlite: {
    // Prisma binds a Date as the ISO text SQLite stores dates in: compared as text, in order.
    date: (value) => Prisma.sql`${value}`,
    // On the binary collation a range is an exact prefix test, and it walks the index.
    startsWith: (column, prefix) => {
      const successor = prefixSuccessor(prefix);
      return successor === null ? Prisma.sql`${column} >= ${prefix}` : Prisma.sql`(${column} >= ${prefix} AND ${column} < ${successor})`;
    },
  },
  postgresql: {
    date: (value) => Prisma.sql`${value.toISOString()}::timestamp(3)`,
    // A linguistic collation does not keep a prefix's strings in one range: LIKE is exact.
    startsWith: (column, prefix) => Prisma.sql`${column} LIKE ${prefix.replace(/[!%_]/g, "!$&") + "%"} ESCAPE '!'`,
  },
};

/**
 * The first string after every string that starts with `prefix`, in code point order;
 * null when there is none (the prefix is all U+10FFFF, the last code point).
 */
function prefixSuccessor(prefix: string): string | null {
  const points = [...prefix];
  while (points.length) {
    const last = points.pop()!.codePointAt(0)! + 1;
    // U+10FFFF has no successor: carry into the code point before it.
    if (last > 0x10ffff) continue;
    // Code points between the surrogates do not exist as characters.
    return points.join("") + String.fromCodePoint(last >= 0xd800 && last <= 0xdfff ? 0xe000 : last);
  }
  return null;
}

/** Everything one call's statements share. */
interface QueueRequest {
  dialect: Dialect;
  shopIds: readonly string[];
  filters: QueueFilters;
  now: Date;
}

function queueRequest(db: Db, { shopIds, now, filters }: QueueScope & { filters: QueueFilters }): QueueRequest {
  return { dialect: DIALECTS[engineOf(urlOf(db))], shopIds, filters, now };
}

const list = (values: readonly unknown[]) => Prisma.join(values as unknown[]);
const allOf = (conditions: readonly Prisma.Sql[]) => Prisma.join(conditions as Prisma.Sql[], " AND ");
const unique = (values: readonly string[]) => [...new Set(values)];

/** What a row shows, which includes every column a view or a filter tests but the bucket. */
const ROW_COLUMNS = [
  "id",
  "shopId",
  "orderNumber",
  "status",
  "marketplaceCreatedAt",
  "shippingDateMax",
  "customerFirstName",
  "customerLastName",
  "initialTotalAmount",
  "shippingCode",
  "fulfillmentType",
  "carrierName",
  "trackingNumber",
  "hasClaims",
] as const;
const SELECTED = Prisma.raw(ROW_COLUMNS.map((c) => `o."${c}"`).join(", "));

const HIDDEN_CUSTOMER_STATUSES = DISPLAYED_STATUSES.filter(hidesCustomer);

/**
 * The orders a search matches, whatever the view: order number prefix, customer last name
 * prefix, seller product id (SKU) prefix on any line, tracking number exactly. Each is an
 * index range; typed case is tried as typed, upper and capitalized ("dupont" finds
 * "Dupont" and "DUPONT"). A name never matches where the status hides the customer.
 */
function searchMatches({ dialect, shopIds, filters }: QueueRequest): Prisma.Sql | null {
  const q = filters.q;
  if (!q) return null;
  const upper = q.toUpperCase();
  const capitalized = q.charAt(0).toUpperCase() + q.slice(1).toLowerCase();
  const ofShops = Prisma.sql`SELECT o."id" FROM "Order" o WHERE o."shopId" IN (${list(shopIds)})`;
  const hiddenNames = HIDDEN_CUSTOMER_STATUSES.length ? Prisma.sql` AND o."status" NOT IN (${list(HIDDEN_CUSTOMER_STATUSES)})` : Prisma.empty;
  const branches = [
    Prisma.sql`${ofShops} AND ${dialect.startsWith(Prisma.sql`o."orderNumber"`, upper)}`,
    ...unique([q, upper, capitalized]).map((name) => Prisma.sql`${ofShops} AND ${dialect.startsWith(Prisma.sql`o."customerLastName"`, name)}${hiddenNames}`),
    Prisma.sql`${ofShops} AND o."trackingNumber" IN (${list(unique([q, upper]))})`,
    ...unique([q, upper]).map((sku) => Prisma.sql`SELECT l."orderId" AS "id" FROM "OrderLine" l WHERE ${dialect.startsWith(Prisma.sql`l."sellerProductId"`, sku)}`),
  ];
  return Prisma.join(branches, " UNION ");
}

/**
 * The matched orders, read once: every count and the page then test their few rows
 * instead of joining the orders again, view after view.
 */
function searchedOrders(request: QueueRequest): Prisma.Sql | null {
  const matches = searchMatches(request);
  if (!matches) return null;
  return Prisma.sql`SELECT ${SELECTED}, o."bucket" FROM (${matches}) m CROSS JOIN "Order" o WHERE o."id" = m."id" AND o."shopId" IN (${list(request.shopIds)})`;
}

/**
 * "Needs attention", the one definition: the order's latest marketplace action FAILED
 * (a later action, pending or done, supersedes it) and the order's status still allows
 * that action, so the seller can retry or fix it. A failure the order's life has made
 * moot (a refused shipment on an order since cancelled) leaves the view by itself.
 */
function failedActions({ shopIds }: QueueRequest): Prisma.Sql {
  return Prisma.sql`SELECT a."orderId" AS "id", CAST(a."kind" AS TEXT) AS "kind" FROM "MarketplaceAction" a
    WHERE a."shopId" IN (${list(shopIds)}) AND a."status" = 'FAILED' AND a."orderId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "MarketplaceAction" later WHERE later."orderId" = a."orderId"
        AND (later."createdAt" > a."createdAt" OR (later."createdAt" = a."createdAt" AND later."id" > a."id")))`;
}

const RETRYABLE_FAILURE = Prisma.join(
  (Object.entries(SELLER_ACTION) as [MarketplaceActionKind, SellerAction][])
    .map(([kind, action]) => ({ kind, statuses: DISPLAYED_STATUSES.filter((s) => canPerform(s, action)) }))
    .filter(({ statuses }) => statuses.length > 0)
    .map(({ kind, statuses }) => Prisma.sql`(f."kind" = ${kind} AND o."status" IN (${list(statuses)}))`),
  " OR ",
);

function commonTables(request: QueueRequest, views: readonly QueueView[]): Prisma.Sql {
  const searched = searchedOrders(request);
  const tables = [
    ...(searched ? [Prisma.sql`"matchedOrder" AS MATERIALIZED (${searched})`] : []),
    ...(views.includes("attention") ? [Prisma.sql`"failedAction" AS (${failedActions(request)})`] : []),
  ];
  return tables.length ? Prisma.sql`WITH ${Prisma.join(tables, ", ")} ` : Prisma.empty;
}

/** Where a view's orders come from: the matched orders when searching, the failed actions' for attention. */
function orderSource(view: QueueView, request: QueueRequest): { from: Prisma.Sql; where: Prisma.Sql[] } {
  const searched = request.filters.q !== null;
  if (view === "attention") {
    return {
      from: Prisma.sql`"failedAction" f CROSS JOIN "Order" o`,
      where: [Prisma.sql`o."id" = f."id"`, Prisma.sql`(${RETRYABLE_FAILURE})`, ...(searched ? [Prisma.sql`o."id" IN (SELECT "id" FROM "matchedOrder")`] : [])],
    };
  }
  if (searched) return { from: Prisma.sql`"matchedOrder" o`, where: [] };
  return { from: Prisma.sql`"Order" o`, where: [] };
}

/** The buckets a view reads (null: any), each walked as its own index range. */
function viewBuckets(view: QueueView): readonly Bucket[] | null {
  if (isBucketView(view)) return [view];
  return view === "late" ? LATE_BUCKETS : null;
}

function viewConditions(view: QueueView, { dialect, now }: QueueRequest): Prisma.Sql[] {
  return view === "late" ? [Prisma.sql`o."shippingDateMax" < ${dialect.date(lateDeadlineBefore(now))}`] : [];
}

function filterConditions({ dialect, filters }: QueueRequest): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.status.length) conditions.push(Prisma.sql`o."status" IN (${list(filters.status)})`);
  if (filters.shipping.length) conditions.push(Prisma.sql`o."shippingCode" IN (${list(filters.shipping)})`);
  if (filters.fulfillment === "SELLER") conditions.push(Prisma.sql`o."fulfillmentType" IS NULL`);
  else if (filters.fulfillment) conditions.push(Prisma.sql`o."fulfillmentType" = ${filters.fulfillment}`);
  if (filters.from) conditions.push(Prisma.sql`o."marketplaceCreatedAt" >= ${dialect.date(parisDayStart(filters.from))}`);
  if (filters.to) conditions.push(Prisma.sql`o."marketplaceCreatedAt" < ${dialect.date(parisDayStart(nextDay(filters.to)))}`);
  return conditions;
}

/** Days in the URL are Paris days, as the marketplace and its sellers count them. */
function parisDayStart(day: string): Date {
  return parseCdiscountDate(`${day}T00:00:00`)!;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------
// Counts

async function countViews(db: Db, request: QueueRequest, views: readonly QueueView[]): Promise<Partial<QueueViewCounts>> {
  if (request.shopIds.length === 0) return Object.fromEntries(views.map((v) => [v, { count: 0, capped: false }]));
  const filters = filterConditions(request);
  const { status, shipping, fulfillment } = request.filters;
  const cap = status.length || shipping.length || fulfillment ? FILTERED_COUNT_CAP : COUNT_CAP;
  const counts = views.map((view, i) => {
    const { from, where } = orderSource(view, request);
    const buckets = viewBuckets(view);
    const conditions = [
      ...where,
      Prisma.sql`o."shopId" IN (${list(request.shopIds)})`,
      ...(buckets ? [Prisma.sql`o."bucket" IN (${list(buckets)})`] : []),
      ...viewConditions(view, request),
      ...filters,
    ];
    const alias = Prisma.raw(`"counted${i}"`);
    return Prisma.sql`SELECT ${Prisma.raw(String(i))} AS "view", count(*) AS "n" FROM (SELECT 1 AS "one" FROM ${from} WHERE ${allOf(conditions)} LIMIT ${cap + 1}) ${alias}`;
  });
  const rows = await db.$queryRaw<{ view: number | bigint; n: number | bigint }[]>(Prisma.sql`${commonTables(request, views)}${Prisma.join(counts, " UNION ALL ")}`);
  const result: Partial<QueueViewCounts> = {};
  for (const row of rows) {
    const n = Number(row.n);
    result[views[Number(row.view)]!] = n > cap ? { count: cap, capped: true } : { count: n, capped: false };
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Pages

type CursorFields = Pick<QueueRow, "id" | "marketplaceCreatedAt" | "shippingDateMax" | "amount" | "orderNumber">;

interface SortDefinition {
  column: string;
  /** Null sorts as "never" (a missing deadline is the least urgent): last going up, first going down. */
  nullable: boolean;
  type: "date" | "decimal" | "text";
  /**
   * Unique within a shop: a branch (one shop) orders by it alone. SQLite would otherwise
   * walk the (shopId, orderNumber) unique index, whose order needs no tie-break, over
   * every bucket: 600 ms for the New tab of a million orders.
   */
  uniqueInShop?: boolean;
  valueOf(row: CursorFields): string | null;
}

const SORTS: Readonly<Record<QueueSort, SortDefinition>> = {
  date: { column: "marketplaceCreatedAt", nullable: false, type: "date", valueOf: (row) => row.marketplaceCreatedAt },
  deadline: { column: "shippingDateMax", nullable: true, type: "date", valueOf: (row) => row.shippingDateMax },
  amount: { column: "initialTotalAmount", nullable: false, type: "decimal", valueOf: (row) => row.amount },
  number: { column: "orderNumber", nullable: false, type: "text", uniqueInShop: true, valueOf: (row) => row.orderNumber },
};

/** A row's place in a sort: its sort value, then its id to break ties. */
interface Position {
  value: string | null;
  id: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The opaque `after` / `before` token of a row, for the given sort. */
export function queueCursor(sort: QueueSort, row: CursorFields): string {
  return Buffer.from(JSON.stringify([sort, SORTS[sort].valueOf(row), row.id])).toString("base64url");
}

/** The position a token points at, or null when it is unreadable or from another sort (then the page starts over). */
function positionOf(token: string | null, sort: QueueSort): Position | null {
  if (!token) return null;
  try {
    const [tokenSort, value, id] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown[];
    if (tokenSort !== sort || typeof id !== "string" || id.length === 0) return null;
    const definition = SORTS[sort];
    if (value === null) return definition.nullable ? { value, id } : null;
    if (typeof value !== "string") return null;
    const valid = definition.type === "date" ? isStorableInstant(new Date(value)) : definition.type === "decimal" ? DECIMAL.test(value) : true;
    return valid ? { value, id } : null;
  } catch {
    return null;
  }
}

function sqlValue(definition: SortDefinition, value: string, dialect: Dialect): Prisma.Sql {
  if (definition.type === "date") return dialect.date(new Date(value));
  return definition.type === "decimal" ? Prisma.sql`${new Prisma.Decimal(value)}` : Prisma.sql`${value}`;
}

/** One index range of a page: the non-null values of the sort column, or its nulls. */
interface RangePart {
  nulls: boolean;
  where: Prisma.Sql[];
}

/** The parts still to read after `position`, walking in `dir` (nulls count as +infinity). */
function rangeParts(definition: SortDefinition, dir: SortDirection, position: Position | null, dialect: Dialect): RangePart[] {
  const column = Prisma.raw(`o."${definition.column}"`);
  const [strictly, orEqual] = dir === "asc" ? [Prisma.raw(">"), Prisma.raw(">=")] : [Prisma.raw("<"), Prisma.raw("<=")];
  const beyond = (p: Position & { value: string }) => {
    const value = sqlValue(definition, p.value, dialect);
    // Written as a range plus a tie test, so the range alone walks the index.
    return Prisma.sql`${column} ${orEqual} ${value} AND (${column} ${strictly} ${value} OR o."id" ${strictly} ${p.id})`;
  };
  if (!definition.nullable) return [{ nulls: false, where: position?.value != null ? [beyond(position as Position & { value: string })] : [] }];

  const values: RangePart = { nulls: false, where: [Prisma.sql`${column} IS NOT NULL`] };
  const nulls: RangePart = { nulls: true, where: [Prisma.sql`${column} IS NULL`] };
  if (!position) return [values, nulls];
  if (position.value === null) {
    nulls.where.push(Prisma.sql`o."id" ${strictly} ${position.id}`);
    return dir === "asc" ? [nulls] : [nulls, values];
  }
  values.where.push(beyond(position as Position & { value: string }));
  return dir === "asc" ? [values, nulls] : [values];
}


type SqlDate = Date | string;
/** A row as either engine returns it: SQLite sends numbers for decimals, PostgreSQL Decimals. */
export interface RawQueueRow {
  id: string;
  shopId: string;
  orderNumber: string;
  status: string;
  marketplaceCreatedAt: SqlDate;
  shippingDateMax: SqlDate | null;
  customerFirstName: string | null;
  customerLastName: string | null;
  initialTotalAmount: number | string | Prisma.Decimal;
  shippingCode: string | null;
  fulfillmentType: string | null;
  carrierName: string | null;
  trackingNumber: string | null;
  hasClaims: boolean | number | bigint;
}

/** Up to `limit` rows after `position`, in the sort's order walked in `dir`. */
async function readRows(db: Db, request: QueueRequest, view: QueueView, sort: QueueSort, dir: SortDirection, position: Position | null, limit: number): Promise<QueueRow[]> {
  if (request.shopIds.length === 0) return [];
  const definition = SORTS[sort];
  const column = Prisma.raw(`"${definition.column}"`);
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  const { from, where } = orderSource(view, request);
  const shared = [...where, ...viewConditions(view, request), ...filterConditions(request)];
  const parts = rangeParts(definition, dir, position, request.dialect);
  const branches: Prisma.Sql[] = [];
  for (const shopId of request.shopIds) {
    for (const bucket of viewBuckets(view) ?? [null]) {
      for (const part of parts) {
        const conditions = [Prisma.sql`o."shopId" = ${shopId}`, ...(bucket ? [Prisma.sql`o."bucket" = ${bucket}`] : []), ...shared, ...part.where];
        const order = part.nulls ? Prisma.sql`o."id" ${direction}` : definition.uniqueInShop ? Prisma.sql`o.${column} ${direction}` : Prisma.sql`o.${column} ${direction}, o."id" ${direction}`;
        const alias = Prisma.raw(`"branch${branches.length}"`);
        branches.push(
          Prisma.sql`SELECT * FROM (SELECT ${SELECTED}, ${Prisma.raw(part.nulls ? "1" : "0")} AS "sortNull" FROM ${from} WHERE ${allOf(conditions)} ORDER BY ${order} LIMIT ${limit}) ${alias}`,
        );
      }
    }
  }
  const order = definition.nullable ? Prisma.sql`"sortNull" ${direction}, ${column} ${direction}, "id" ${direction}` : Prisma.sql`${column} ${direction}, "id" ${direction}`;
  const rows = await db.$queryRaw<RawQueueRow[]>(Prisma.sql`${commonTables(request, [view])}${Prisma.join(branches, " UNION ALL ")} ORDER BY ${order} LIMIT ${limit}`);
  return rows.map((row) => toQueueRow(row, request.now));
}

const reverse = (dir: SortDirection): SortDirection => (dir === "asc" ? "desc" : "asc");

async function readPage(db: Db, request: QueueRequest, params: QueueParams): Promise<Omit<QueuePage, "total">> {
  const { view, sort, dir, size } = params;
  const cursorOf = (row: QueueRow | undefined) => (row ? queueCursor(sort, row) : null);
  const before = positionOf(params.before, sort);
  if (before) {
    const rows = await readRows(db, request, view, sort, reverse(dir), before, size + 1);
    if (rows.length > size) {
      const page = rows.slice(0, size).reverse();
      return { rows: page, prevCursor: cursorOf(page[0]), nextCursor: cursorOf(page.at(-1)) };
    }
    // Less than a page before the cursor: that is the start, shown as a full first page.
  }
  const after = before ? null : positionOf(params.after, sort);
  const rows = await readRows(db, request, view, sort, dir, after, size + 1);
  const page = rows.slice(0, size);
  return {
    rows: page,
    nextCursor: rows.length > size ? cursorOf(page.at(-1)) : null,
    // Past the end (the last rows went away): "previous" leads back to the rows before the cursor.
    prevCursor: after ? (cursorOf(page[0]) ?? params.after) : null,
  };
}

const asDisplayedStatus = (status: string): DisplayedStatus => (isDisplayedStatus(status) ? status : OTHER_STATUS);
const isoOf = (value: SqlDate) => (value instanceof Date ? value : new Date(value)).toISOString();
const decimalOf = (value: number | string | Prisma.Decimal) => new Prisma.Decimal(String(value)).toString();

/** The one place a stored order becomes a queue row: the customer never leaves when the status hides it. */
export function toQueueRow(raw: RawQueueRow, now: Date): QueueRow {
  const status = asDisplayedStatus(raw.status);
  const bucket = bucketOf(status);
  const shippingDateMax = raw.shippingDateMax === null ? null : isoOf(raw.shippingDateMax);
  const hasCustomer = !hidesCustomer(status) && (raw.customerFirstName !== null || raw.customerLastName !== null);
  return {
    id: raw.id,
    shopId: raw.shopId,
    orderNumber: raw.orderNumber,
    status,
    bucket,
    marketplaceCreatedAt: isoOf(raw.marketplaceCreatedAt),
    customer: hasCustomer ? { firstName: raw.customerFirstName, lastName: raw.customerLastName } : null,
    amount: decimalOf(raw.initialTotalAmount),
    shippingCode: raw.shippingCode,
    shippingDateMax,
    deadline: deadlineState({ bucket, shippingDateMax }, now),
    fulfillmentType: isFulfillmentType(raw.fulfillmentType) ? raw.fulfillmentType : null,
    carrierName: raw.carrierName,
    trackingNumber: raw.trackingNumber,
    hasClaims: Boolean(raw.hasClaims),
    actions: allowedActions(status),
  };
}

// ---------------------------------------------------------------------------------------
// Detail

export interface Person {
  name: string;
  email: string;
}

export type TimelineEntry =
  /** The marketplace changed the order's state; `at` is the marketplace's own time. */
  | { type: "stateChange"; id: string; at: string; fromStatus: DisplayedStatus | null; toStatus: DisplayedStatus | null; marketplaceState: string | null }
  /** One of our actions: who asked, and what became of it; `failure` once it failed for good (Cdiscount's words only if it refused). */
  | { type: "action"; id: string; at: string; action: SellerAction; status: MarketplaceActionStatus; attempts: number; completedAt: string | null; requestedBy: Person | null; failure: ActionFailure | null }
  /** An attempt that failed while an action was being sent (it was sent again): why, worded by the desk. */
  | { type: "marketplaceError"; id: string; at: string; action: SellerAction | null; failure: ActionFailure; retryAt: string | null }
  | { type: "note"; id: string; at: string; body: string; author: Person | null }
  /** Any other event kind, shown as recorded. */
  | { type: "event"; id: string; at: string; kind: string; message: string | null; actor: Person | null };

export interface OrderDetailLine {
  id: string;
  position: number;
  sellerProductId: string | null;
  sku: string | null;
  productEan: string | null;
  name: string | null;
  productCondition: string | null;
  acceptationState: string | null;
  quantity: number;
  purchasePrice: string;
  unitShippingCharges: string;
  shippingDateMax: string | null;
  deliveryDateMin: string | null;
  deliveryDateMax: string | null;
  hasClaim: boolean;
  /** Fee pseudo-lines (processing fees): part of the amounts, never acted upon. */
  isFeeLine: boolean;
}

export interface OrderDetail {
  id: string;
  shopId: string;
  orderNumber: string;
  status: DisplayedStatus;
  bucket: Bucket;
  /** The state exactly as the marketplace sent it (differs from `status` for line-level states and Other). */
  marketplaceState: string;
  actions: readonly SellerAction[];
  marketplaceCreatedAt: string;
  marketplaceUpdatedAt: string | null;
  shippingDateMin: string | null;
  shippingDateMax: string | null;
  deadline: DeadlineState | null;
  shippingCode: string | null;
  fulfillmentType: FulfillmentType | null;
  deliveredByMarketplace: boolean;
  hasClaims: boolean;
  partnerOrderRef: string | null;
  amounts: {
    initialTotal: string;
    initialShipping: string;
    validatedTotal: string;
    validatedShipping: string;
    shippedTotal: string;
    shippedShipping: string;
    commissionPromised: string;
    commissionValidated: string;
    commissionShipped: string;
  };
  /** Null, with the addresses, when the status hides the customer. */
  customer: {
    customerId: string | null;
    civility: string | null;
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    encryptedEmail: string | null;
    phone: string | null;
    mobilePhone: string | null;
  } | null;
  shippingAddress: MarketplaceAddress | null;
  billingAddress: MarketplaceAddress | null;
  carrierName: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  syncedAt: string;
  lines: OrderDetailLine[];
  /** Oldest first. */
  timeline: TimelineEntry[];
}

const PERSON = { select: { name: true, email: true } } as const;
const iso = (date: Date | null) => (date ? date.toISOString() : null);
const money = (value: Prisma.Decimal) => value.toFixed(2);

/** One order of the caller's shops, or null (the caller answers 404: nobody learns another shop's order exists). */
export async function getOrderDetail(db: Db, { shopIds, orderId, now = new Date() }: { shopIds: readonly string[]; orderId: string; now?: Date }): Promise<OrderDetail | null> {
  const order = await db.order.findFirst({
    where: { id: orderId, shopId: { in: [...shopIds] } },
    include: {
      lines: { orderBy: { position: "asc" } },
      events: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], include: { actor: PERSON } },
      notes: { orderBy: { createdAt: "asc" }, include: { author: PERSON } },
      marketplaceActions: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, status: true, attempts: true, createdAt: true, completedAt: true, lastError: true, result: true, requestedBy: PERSON },
      },
    },
  });
  if (!order) return null;
  const status = asDisplayedStatus(order.status);
  const bucket = bucketOf(status);
  const hidden = hidesCustomer(status);
  return {
    id: order.id,
    shopId: order.shopId,
    orderNumber: order.orderNumber,
    status,
    bucket,
    marketplaceState: order.marketplaceState,
    actions: allowedActions(status),
    marketplaceCreatedAt: order.marketplaceCreatedAt.toISOString(),
    marketplaceUpdatedAt: iso(order.marketplaceUpdatedAt),
    shippingDateMin: iso(order.shippingDateMin),
    shippingDateMax: iso(order.shippingDateMax),
    deadline: deadlineState({ bucket, shippingDateMax: order.shippingDateMax }, now),
    shippingCode: order.shippingCode,
    fulfillmentType: isFulfillmentType(order.fulfillmentType) ? order.fulfillmentType : null,
    deliveredByMarketplace: order.deliveredByMarketplace,
    hasClaims: order.hasClaims,
    partnerOrderRef: order.partnerOrderRef,
    amounts: {
      initialTotal: money(order.initialTotalAmount),
      initialShipping: money(order.initialTotalShippingChargesAmount),
      validatedTotal: money(order.validatedTotalAmount),
      validatedShipping: money(order.validatedTotalShippingCharges),
      shippedTotal: money(order.shippedTotalAmount),
      shippedShipping: money(order.shippedTotalShippingCharges),
      commissionPromised: money(order.siteCommissionPromisedAmount),
      commissionValidated: money(order.siteCommissionValidatedAmount),
      commissionShipped: money(order.siteCommissionShippedAmount),
    },
    customer: hidden
      ? null
      : {
          customerId: order.customerId,
          civility: order.customerCivility,
          firstName: order.customerFirstName,
          lastName: order.customerLastName,
          email: order.customerEmail,
          encryptedEmail: order.customerEncryptedEmail,
          phone: order.customerPhone,
          mobilePhone: order.customerMobilePhone,
        },
    shippingAddress: hidden ? null : (order.shippingAddress as MarketplaceAddress | null),
    billingAddress: hidden ? null : (order.billingAddress as MarketplaceAddress | null),
    carrierName: order.carrierName,
    trackingNumber: order.trackingNumber,
    trackingUrl: order.trackingUrl,
    syncedAt: order.syncedAt.toISOString(),
    lines: order.lines.map((l) => ({
      id: l.id,
      position: l.position,
      sellerProductId: l.sellerProductId,
      sku: l.sku,
      productEan: l.productEan,
      name: l.name,
      productCondition: l.productCondition,
      acceptationState: l.acceptationState,
      quantity: l.quantity,
      purchasePrice: money(l.purchasePrice),
      unitShippingCharges: money(l.unitShippingCharges),
      shippingDateMax: iso(l.shippingDateMax),
      deliveryDateMin: iso(l.deliveryDateMin),
      deliveryDateMax: iso(l.deliveryDateMax),
      hasClaim: l.hasClaim,
      isFeeLine: l.isFeeLine,
    })),
    timeline: timelineOf(order),
  };
}

type JsonObject = Record<string, unknown>;
const jsonObject = (value: unknown): JsonObject => (value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {});
const stringOrNull = (value: unknown) => (typeof value === "string" ? value : null);

// The outbox records an action's request and outcome as events too; the action's own
// entry already tells both, with who asked.
const FOLDED_INTO_ACTION = new Set<string>([ORDER_ACTION_EVENT.requested, ORDER_ACTION_EVENT.succeeded, ORDER_ACTION_EVENT.failed]);

function timelineOf(order: {
  events: { id: string; kind: string; occurredAt: Date; fromStatus: string | null; toStatus: string | null; message: string | null; data: unknown; actor: Person | null }[];
  notes: { id: string; body: string; createdAt: Date; author: Person | null }[];
  marketplaceActions: { id: string; kind: MarketplaceActionKind; status: MarketplaceActionStatus; attempts: number; createdAt: Date; completedAt: Date | null; lastError: string | null; result: unknown; requestedBy: Person | null }[];
}): TimelineEntry[] {
  const actionIds = new Set(order.marketplaceActions.map((a) => a.id));
  const entries: TimelineEntry[] = [];
  for (const event of order.events) {
    const data = jsonObject(event.data);
    const at = event.occurredAt.toISOString();
    if (event.kind === MARKETPLACE_STATE_CHANGE) {
      entries.push({
        type: "stateChange",
        id: event.id,
        at,
        fromStatus: event.fromStatus === null ? null : asDisplayedStatus(event.fromStatus),
        toStatus: event.toStatus === null ? null : asDisplayedStatus(event.toStatus),
        marketplaceState: stringOrNull(data.marketplaceState),
      });
    } else if (event.kind === ORDER_ACTION_EVENT.marketplaceError) {
      const action = stringOrNull(data.action);
      entries.push({
        type: "marketplaceError",
        id: event.id,
        at,
        action: action && Object.values(SELLER_ACTION).includes(action as SellerAction) ? (action as SellerAction) : null,
        failure: failureOfEvent(event),
        retryAt: stringOrNull(data.retryAt),
      });
    } else if (!(FOLDED_INTO_ACTION.has(event.kind) && actionIds.has(String(data.actionId)))) {
      entries.push({ type: "event", id: event.id, at, kind: event.kind, message: event.message, actor: event.actor });
    }
  }
  for (const action of order.marketplaceActions) {
    entries.push({
      type: "action",
      id: action.id,
      at: action.createdAt.toISOString(),
      action: SELLER_ACTION[action.kind],
      status: action.status,
      attempts: action.attempts,
      completedAt: iso(action.completedAt),
      requestedBy: action.requestedBy,
      // A pending action's last failure is told by its retry's own entry.
      failure: action.status === "FAILED" ? failureOfAction(action) : null,
    });
  }
  for (const note of order.notes) entries.push({ type: "note", id: note.id, at: note.createdAt.toISOString(), body: note.body, author: note.author });
  // Stable: at equal times, state changes, then actions, then notes, as built.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

// ---------------------------------------------------------------------------------------
// Sync issues

export interface SyncIssue {
  shopId: string;
  runId: string;
  /** FAILED: the run stopped on an error; SUCCEEDED: it finished, but some orders could not be read. */
  status: "FAILED" | "SUCCEEDED";
  finishedAt: string | null;
  /** The run's error, listing the unreadable orders with why. */
  error: string | null;
  /** What kind of marketplace failure stopped the run, if one did (a MarketplaceErrorKind). */
  errorKind: string | null;
  unreadableCount: number;
}

/** The shops whose latest finished sync failed or left orders unread: a later good run clears it. */
export async function listSyncIssues(db: Db, { shopIds }: { shopIds: readonly string[] }): Promise<SyncIssue[]> {
  const latest = await Promise.all(
    shopIds.map((shopId) =>
      db.syncRun.findFirst({
        where: { shopId, status: { not: "RUNNING" } },
        orderBy: { startedAt: "desc" },
        select: { id: true, shopId: true, status: true, finishedAt: true, error: true, errorKind: true, unreadableCount: true },
      }),
    ),
  );
  return latest.flatMap((run) =>
    run && (run.status === "FAILED" || run.unreadableCount > 0)
      ? [{ shopId: run.shopId, runId: run.id, status: run.status as SyncIssue["status"], finishedAt: iso(run.finishedAt), error: run.error, errorKind: run.errorKind, unreadableCount: run.unreadableCount }]
      : [],
  );
}
