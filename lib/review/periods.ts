// Days and weeks as Cdiscount and its sellers count them: in Paris. A review covers a
// range of Paris days; its charts cut it into days, or weeks starting on Monday.
import { formatCdiscountDate, parseCdiscountDate } from "@/lib/cdiscount/dates";

export const GRANULARITIES = ["day", "week"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** One bar of a chart: [start, end) in UTC, labelled by its first Paris day (YYYY-MM-DD). */
export interface Period {
  key: string;
  start: Date;
  end: Date;
}

/** A range of whole Paris days, both ends included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/** The Paris day an instant falls on. */
export function parisDayOf(instant: Date): string {
  return formatCdiscountDate(instant).slice(0, 10);
}

/** The instant a Paris day starts (midnight in Paris: 23:00 or 22:00 UTC the day before). */
export function parisDayStart(day: string): Date {
  return parseCdiscountDate(`${day}T00:00:00`)!;
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysIn({ from, to }: DayRange): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The last `days` Paris days, today included. */
export function lastDays(now: Date, days: number): DayRange {
  const to = parisDayOf(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** [start, end) of a range of Paris days, for SQL. */
export function rangeInstants({ from, to }: DayRange): { start: Date; end: Date } {
  return { start: parisDayStart(from), end: parisDayStart(addDays(to, 1)) };
}

/** Monday of the week a day falls in. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The periods covering a range: each day, or each week (the first and last clipped to the
 * range, so no bar counts orders outside it).
 */
export function periodsOf(range: DayRange, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  const { end: rangeEnd } = rangeInstants(range);
  let day = range.from;
  while (day <= range.to) {
    const next = granularity === "day" ? addDays(day, 1) : addDays(mondayOf(day), 7);
    const end = parisDayStart(next);
    periods.push({ key: granularity === "day" ? day : mondayOf(day), start: parisDayStart(day), end: end < rangeEnd ? end : rangeEnd });
    day = next;
  }
  return periods;
}

/** Days for a short range; weeks beyond two months, where daily bars get too thin to read. */
export function defaultGranularity(range: DayRange): Granularity {
  return daysIn(range) <= 62 ? "day" : "week";
}
