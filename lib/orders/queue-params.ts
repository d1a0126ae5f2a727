// The order queue's state as it lives in the URL: view, filters, sort and page. Shared by
// the page (server) and the table (client). Parsing never throws: a value that is out of
// range or unreadable falls back to its default, so a bookmarked or hand-edited URL always
// opens a page. Serializing writes the canonical, minimal form: defaults are left out.
import { z } from "zod";
import { BUCKETS, DISPLAYED_STATUSES, type Bucket, type DisplayedStatus } from "./status";
import { FULFILLMENT_TYPES, type FulfillmentType } from "./fulfillment";

/**
 * A tab of the queue: a bucket, or one of two working views.
 * - "late": see LATE_BUCKETS below.
 * - "attention": orders whose latest marketplace action FAILED and that still allow that
 *   action, i.e. where the seller can retry or fix it (defined in queue.ts, in SQL). Sync
 *   errors are per shop, not per order: queue.ts lists them apart (listSyncIssues).
 * The OTHER bucket (marketplace states outside the brief) is a view too: such orders are
 * never dropped (status.ts), and the UI shows its tab only when its count is not zero.
 */
export const QUEUE_VIEWS = [...BUCKETS, "late", "attention"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export function isBucketView(view: QueueView): view is Bucket {
  return (BUCKETS as readonly string[]).includes(view);
}

/**
 * "Late", the one definition (the late view's SQL and each row's deadline badge read it):
 * an order still to be accepted or shipped -- bucket New or Waiting for shipment -- whose
 * shipping deadline (shippingDateMax) has passed ("overdue") or falls within the next
 * 24 hours ("dueSoon"). An order without a deadline is never late.
 */
export const LATE_BUCKETS = ["NEW", "WAITING_SHIPMENT"] as const satisfies readonly Bucket[];
export const DUE_SOON_MS = 24 * 3_600_000;
export type DeadlineState = "overdue" | "dueSoon";

/** Orders of LATE_BUCKETS with a deadline strictly before this instant are late. */
export function lateDeadlineBefore(now: Date): Date {
  return new Date(now.getTime() + DUE_SOON_MS);
}

export function deadlineState(order: { bucket: string; shippingDateMax: Date | string | null }, now: Date): DeadlineState | null {
  if (order.shippingDateMax === null || !(LATE_BUCKETS as readonly string[]).includes(order.bucket)) return null;
  const deadline = new Date(order.shippingDateMax).getTime();
  if (deadline < now.getTime()) return "overdue";
  return deadline < lateDeadlineBefore(now).getTime() ? "dueSoon" : null;
}

export const QUEUE_SORTS = ["date", "deadline", "amount", "number"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

// Work views put the most urgent first; history views the most recent.
const DEFAULT_ORDER: Readonly<Record<QueueView, { sort: QueueSort; dir: SortDirection }>> = {
  NEW: { sort: "deadline", dir: "asc" },
  WAITING_SHIPMENT: { sort: "deadline", dir: "asc" },
  late: { sort: "deadline", dir: "asc" },
  SHIPPED: { sort: "date", dir: "desc" },
  CANCELED: { sort: "date", dir: "desc" },
  OTHER: { sort: "date", dir: "desc" },
  attention: { sort: "date", dir: "desc" },
};

export function defaultOrder(view: QueueView): { sort: QueueSort; dir: SortDirection } {
  return DEFAULT_ORDER[view];
}

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** "SELLER": orders the seller ships; the others are Cdiscount's fulfillment types. */
export const FULFILLMENT_FILTERS = ["SELLER", ...(Object.keys(FULFILLMENT_TYPES) as FulfillmentType[])] as const;
export type FulfillmentFilter = "SELLER" | FulfillmentType;

/** The current shop (the default) or every shop the user belongs to. */
export const SHOP_SCOPES = ["current", "all"] as const;
export type ShopScope = (typeof SHOP_SCOPES)[number];

const SEARCH_MAX_LENGTH = 100;
const LIST_MAX_ITEMS = 20;

// Shipping codes are kept even when unknown to delivery-modes.ts: Cdiscount may add some.
const SHIPPING_CODE = /^[A-Z0-9]{1,10}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURSOR = /^[A-Za-z0-9_-]{1,512}$/;

/** A comma-separated list: unknown items dropped, duplicates removed, in canonical order. */
function listOf<T extends string>(keep: (item: string) => item is T, canonical: (a: T, b: T) => number) {
  return z
    .string()
    .transform((text) => [...new Set(text.split(",").map((s) => s.trim()).filter(keep))].sort(canonical).slice(0, LIST_MAX_ITEMS))
    .catch([]);
}

const statusRank = new Map(DISPLAYED_STATUSES.map((s, i) => [s as string, i]));
const isDisplayed = (s: string): s is DisplayedStatus => statusRank.has(s);
const isShippingCode = (s: string): s is string => SHIPPING_CODE.test(s);

/** A calendar day, YYYY-MM-DD (a day in Paris, where Cdiscount and its sellers are). */
function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar day in the URL, or null when absent or unreadable (shared with the review pages). */
export const ZDay = z.string().refine(isCalendarDay).nullable().catch(null);

function normalizeSearch(text: string): string | null {
  const clean = text.toWellFormed().replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX_LENGTH).trim();
  return clean.length > 0 ? clean : null;
}

/** The smallest allowed page size that holds `n` rows (the largest when none does). */
function clampPageSize(n: number): PageSize {
  return PAGE_SIZES.find((size) => n <= size) ?? PAGE_SIZES[PAGE_SIZES.length - 1]!;
}

export const ZQueueParams = z
  .object({
    view: z.enum(QUEUE_VIEWS).catch("NEW"),
    shops: z.enum(SHOP_SCOPES).catch("current"),
    status: listOf(isDisplayed, (a, b) => statusRank.get(a)! - statusRank.get(b)!),
    shipping: listOf(isShippingCode, (a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    fulfillment: z.enum(FULFILLMENT_FILTERS).nullable().catch(null),
    from: ZDay,
    to: ZDay,
    q: z.string().transform(normalizeSearch).nullable().catch(null),
    sort: z.enum(QUEUE_SORTS).nullable().catch(null),
    dir: z.enum(SORT_DIRECTIONS).nullable().catch(null),
    size: z.coerce.number().int().positive().transform(clampPageSize).catch(DEFAULT_PAGE_SIZE),
    after: z.string().regex(CURSOR).nullable().catch(null),
    before: z.string().regex(CURSOR).nullable().catch(null),
  })
  .transform(({ from, to, sort, dir, after, before, ...rest }) => {
    const order = defaultOrder(rest.view);
    // A reversed range is read as meant; two cursors cannot both hold: "after" wins.
    const [first, last] = from && to && from > to ? [to, from] : [from, to];
    return { ...rest, from: first, to: last, sort: sort ?? order.sort, dir: dir ?? order.dir, after, before: after ? null : before };
  });

export type QueueParams = z.output<typeof ZQueueParams>;
/** The filters a count depends on: everything but the view, the order and the page. */
export type QueueFilters = Pick<QueueParams, "status" | "shipping" | "fulfillment" | "from" | "to" | "q">;

type SearchParamsLike = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Reads URLSearchParams or Next.js `searchParams`; a repeated key counts as a list. */
export function parseQueueParams(input: SearchParamsLike): QueueParams {
  const record: Record<string, string> = {};
  const entries: [string, string | readonly string[] | undefined][] = input instanceof URLSearchParams ? [...input.keys()].map((k) => [k, input.getAll(k)]) : Object.entries(input);
  for (const [key, value] of entries) {
    if (value !== undefined) record[key] = typeof value === "string" ? value : value.join(",");
  }
  return ZQueueParams.parse(record);
}

export const DEFAULT_QUEUE_PARAMS: QueueParams = ZQueueParams.parse({});

/** The canonical query string (without "?"): fixed key order, defaults left out. */
export function queueParamsToSearch(params: QueueParams): string {
  const order = defaultOrder(params.view);
  const out = new URLSearchParams();
  const put = (key: string, value: string | null, omitWhen: string | null = null) => {
    if (value !== null && value !== omitWhen) out.set(key, value);
  };
  put("view", params.view, DEFAULT_QUEUE_PARAMS.view);
  put("shops", params.shops, DEFAULT_QUEUE_PARAMS.shops);
  put("status", params.status.join(","), "");
  put("shipping", params.shipping.join(","), "");
  put("fulfillment", params.fulfillment);
  put("from", params.from);
  put("to", params.to);
  put("q", params.q);
  put("sort", params.sort, order.sort);
  put("dir", params.dir, order.dir);
  put("size", String(params.size), String(DEFAULT_PAGE_SIZE));
  put("after", params.after);
  put("before", params.before);
  // Commas need no escaping in a query string; lists stay readable.
  return out.toString().replaceAll("%2C", ",");
}

/**
 * The params after a user's change. A cursor only means something for the filters and
 * order it was taken with, so any other change goes back to the first page; a new view
 * also starts from its own default order and statuses (those of one bucket rarely apply
 * to another), unless the change sets them.
 */
export function changeQueueParams(current: QueueParams, change: Partial<QueueParams>): QueueParams {
  const movesCursorOnly = Object.keys(change).every((key) => key === "after" || key === "before");
  const next: QueueParams = { ...current, ...(movesCursorOnly ? { after: null, before: null } : {}), ...change };
  if (!movesCursorOnly) {
    next.after = change.after ?? null;
    next.before = change.before ?? null;
  }
  if (change.view !== undefined && change.view !== current.view) {
    const order = defaultOrder(change.view);
    next.sort = change.sort ?? order.sort;
    next.dir = change.dir ?? order.dir;
    next.status = change.status ?? [];
  }
  return ZQueueParams.parse(Object.fromEntries(new URLSearchParams(queueParamsToSearch(next))));
}
