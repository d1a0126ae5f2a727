// The review pages' state as it lives in the URL (a shop, a range of Paris days, the
// chart's granularity, a facet, a page). As with the queue, parsing never throws: an
// unreadable value falls back to its default, so a bookmarked URL always opens a page.
import { z } from "zod";
import { CANCELLATION_CAUSES, CANCELED_STATUSES, statusesOfCause, type CanceledStatus } from "./cancellation-causes";
import { GRANULARITIES, addDays, daysIn, defaultGranularity, lastDays, type DayRange, type Granularity } from "./periods";
import { ZDay } from "@/lib/orders/queue-params";

/** The default range: Cdiscount judges sellers over the last 30 and 60 days. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range a review reads (a year and a day: a full year whatever the leap). */
export const MAX_RANGE_DAYS = 366;

const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable().catch(null);
const ZCursor = z.string().regex(/^[A-Za-z0-9_-]{1,512}$/).nullable().catch(null);

type SearchParamsLike = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function recordOf(input: SearchParamsLike): Record<string, string> {
  const record: Record<string, string> = {};
  const entries: [string, string | readonly string[] | undefined][] = input instanceof URLSearchParams ? [...input.keys()].map((k) => [k, input.get(k) ?? undefined]) : Object.entries(input);
  for (const [key, value] of entries) {
    // A repeated key keeps its first value: every review filter holds one value.
    const first = typeof value === "string" ? value : value?.[0];
    if (first !== undefined) record[key] = first;
  }
  return record;
}

/** A range read from the URL: ends swapped when reversed, clamped to MAX_RANGE_DAYS, the default when absent. */
function rangeOf(from: string | null, to: string | null, now: Date): DayRange {
  if (!from && !to) return lastDays(now, DEFAULT_RANGE_DAYS);
  let range: DayRange = from && to ? (from <= to ? { from, to } : { from: to, to: from }) : from ? { from, to: addDays(from, DEFAULT_RANGE_DAYS - 1) } : { from: addDays(to!, -(DEFAULT_RANGE_DAYS - 1)), to: to! };
  if (daysIn(range) > MAX_RANGE_DAYS) range = { from: addDays(range.to, -(MAX_RANGE_DAYS - 1)), to: range.to };
  return range;
}

const ZReviewParams = z.object({
  shop: ZId,
  from: ZDay,
  to: ZDay,
  granularity: z.enum(GRANULARITIES).nullable().catch(null),
  status: z.enum(CANCELED_STATUSES as [string, ...string[]]).nullable().catch(null),
  cause: z.enum(CANCELLATION_CAUSES).nullable().catch(null),
  after: ZCursor,
});

export interface ReviewParams {
  /** One of the user's shops, or null for all the shops they review. */
  shop: string | null;
  range: DayRange;
  granularity: Granularity;
  /** Canceled review only: one canceled status, or one cause. */
  status: (typeof CANCELED_STATUSES)[number] | null;
  cause: (typeof CANCELLATION_CAUSES)[number] | null;
  after: string | null;
}

export function parseReviewParams(input: SearchParamsLike, now: Date): ReviewParams {
  const raw = ZReviewParams.parse(recordOf(input));
  const range = rangeOf(raw.from, raw.to, now);
  return {
    shop: raw.shop,
    range,
    granularity: raw.granularity ?? defaultGranularity(range),
    status: raw.status as ReviewParams["status"],
    cause: raw.cause,
    after: raw.after,
  };
}

/** The canceled statuses a canceled review narrows to: its facet, its cause's, or all (null). */
export function canceledStatusesOf(params: Pick<ReviewParams, "status" | "cause">): CanceledStatus[] | null {
  return params.status ? [params.status] : params.cause ? statusesOfCause(params.cause) : null;
}

/** The query string of a review URL (without "?"), with a change applied; a change drops the page cursor. */
export function reviewSearch(params: ReviewParams, change: Partial<ReviewParams> = {}): string {
  const next = { ...params, after: null, ...change };
  const out = new URLSearchParams();
  if (next.shop) out.set("shop", next.shop);
  out.set("from", next.range.from);
  out.set("to", next.range.to);
  if (next.granularity !== defaultGranularity(next.range)) out.set("granularity", next.granularity);
  if (next.status) out.set("status", next.status);
  if (next.cause) out.set("cause", next.cause);
  if (next.after) out.set("after", next.after);
  return out.toString();
}

const ZAuditParams = z.object({
  shop: ZId,
  user: ZId,
  action: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).nullable().catch(null),
  from: ZDay,
  to: ZDay,
  after: ZCursor,
});

export type AuditParams = z.output<typeof ZAuditParams>;

export function parseAuditParams(input: SearchParamsLike): AuditParams {
  const raw = ZAuditParams.parse(recordOf(input));
  const [from, to] = raw.from && raw.to && raw.from > raw.to ? [raw.to, raw.from] : [raw.from, raw.to];
  return { ...raw, from, to };
}

export function auditSearch(params: AuditParams, change: Partial<AuditParams> = {}): string {
  const next = { ...params, after: null, ...change };
  const out = new URLSearchParams();
  for (const key of ["shop", "user", "action", "from", "to", "after"] as const) {
    const value = next[key];
    if (value) out.set(key, value);
  }
  return out.toString();
}
