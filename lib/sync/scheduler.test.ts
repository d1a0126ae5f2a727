import { describe, expect, it } from "vitest";
import { backoffMs, dueRun } from "./scheduler";

const now = new Date("2026-11-26T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe("dueRun", () => {
  it("sweeps first when no sweep ran in the last day", () => {
    expect(dueRun(now, { syncIntervalMinutes: 15 }, { incrementalStartedAt: ago(MIN), lastSweepAt: null })).toBe("DAILY_SWEEP");
    expect(dueRun(now, { syncIntervalMinutes: 15 }, { incrementalStartedAt: ago(MIN), lastSweepAt: ago(24 * 60 * MIN) })).toBe("DAILY_SWEEP");
  });

  it("pulls when the shop's interval has passed since the last pull started", () => {
    const swept = ago(60 * MIN);
    expect(dueRun(now, { syncIntervalMinutes: 15 }, { incrementalStartedAt: ago(14 * MIN), lastSweepAt: swept })).toBeNull();
    expect(dueRun(now, { syncIntervalMinutes: 15 }, { incrementalStartedAt: ago(15 * MIN), lastSweepAt: swept })).toBe("INCREMENTAL");
    expect(dueRun(now, { syncIntervalMinutes: 15 }, { incrementalStartedAt: null, lastSweepAt: swept })).toBe("INCREMENTAL");
  });

  it("starts a tick early rather than late, so a 1-minute interval is never exceeded", () => {
    const swept = ago(60 * MIN);
    expect(dueRun(now, { syncIntervalMinutes: 1 }, { incrementalStartedAt: ago(56_000), lastSweepAt: swept })).toBe("INCREMENTAL");
    expect(dueRun(now, { syncIntervalMinutes: 1 }, { incrementalStartedAt: ago(50_000), lastSweepAt: swept })).toBeNull();
  });

  it("still starts at the early tick when the last run's start was recorded a few ms after its tick", () => {
    const swept = ago(60 * MIN);
    // The previous run's tick fired 55 s ago, its start was recorded 30 ms later.
    expect(dueRun(now, { syncIntervalMinutes: 1 }, { incrementalStartedAt: ago(54_970), lastSweepAt: swept })).toBe("INCREMENTAL");
  });
});

describe("backoffMs", () => {
  it("waits 30 s after a failure, doubling up to an hour", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });
});
