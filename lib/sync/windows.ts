// Which time windows a run asks Cdiscount for. GetOrderList has no pagination, so a
// window is the only way to bound an answer; windows overlap the previous run by at
// least 90 minutes, as Cdiscount advises (reference §1.5).
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface SyncSettings {
  /** Overlap with the previous run's end. */
  overlapMs: number;
  /** The daily sweep covers orders created or amended in this many days. */
  sweepDays: number;
  /** Longest window asked in one call. */
  sliceMs: number;
  /**
   * Answers are kept around this size: a slice that brought more halves the next ones,
   * one that brought far fewer doubles them (up to sliceMs). An answer's size is what a
   * run holds in memory at once.
   */
  targetOrdersPerSlice: number;
  /** Below this, a window that still fails is not split further. */
  minSliceMs: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  overlapMs: 90 * MINUTE,
  sweepDays: 5,
  sliceMs: 6 * HOUR,
  targetOrdersPerSlice: 1_000,
  minSliceMs: MINUTE,
};

export type RunKind = "INCREMENTAL" | "DAILY_SWEEP" | "INITIAL_IMPORT" | "MANUAL";

export function runWindow(kind: RunKind, now: Date, state: { cursor: Date | null }, shop: { initialImportDays: number }, settings: SyncSettings): TimeWindow {
  if (kind === "DAILY_SWEEP") return { from: new Date(now.getTime() - settings.sweepDays * DAY), to: now };
  if (!state.cursor || kind === "INITIAL_IMPORT") return { from: new Date(now.getTime() - shop.initialImportDays * DAY), to: now };
  return { from: new Date(Math.min(state.cursor.getTime(), now.getTime()) - settings.overlapMs), to: now };
}

/** Cuts a window into consecutive slices of at most `sliceMs`, oldest first. */
export function slice(window: TimeWindow, sliceMs: number): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let from = window.from.getTime(); from < window.to.getTime(); from += sliceMs) {
    out.push({ from: new Date(from), to: new Date(Math.min(from + sliceMs, window.to.getTime())) });
  }
  return out.length ? out : [window];
}

export function halves(window: TimeWindow): [TimeWindow, TimeWindow] {
  const mid = new Date(Math.floor((window.from.getTime() + window.to.getTime()) / 2));
  return [
    { from: window.from, to: mid },
    { from: mid, to: window.to },
  ];
}
