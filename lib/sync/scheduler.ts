// The sync cadence of the brief: each shop's incremental pull every `syncIntervalMinutes`
// (15 by default, down to 1), and once a day the sweep of everything created or amended
// in the last 5 days. croner ticks; the lease in the database keeps one syncer per shop
// across instances, so every instance may run this scheduler.
import { Cron } from "croner";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logging/logger";
import { runShopSync } from "./run";
import { DAY } from "./windows";

const log = logger.child({ module: "sync" });

const TICK_SECONDS = 5;
const START_SLACK_MS = 1_000;

/** What is due for one shop now, if anything. */
export function dueRun(
  now: Date,
  shop: { syncIntervalMinutes: number },
  last: { incrementalStartedAt: Date | null; lastSweepAt: Date | null },
): "INCREMENTAL" | "DAILY_SWEEP" | null {
  if (!last.lastSweepAt || now.getTime() - last.lastSweepAt.getTime() >= DAY) return "DAILY_SWEEP";
  // Start a tick early rather than late: the interval is the longest gap between runs. A
  // run's start is recorded a little after its tick fired, so the early tick gets a second
  // of slack -- without it, runs drifted to every interval + one tick.
  const gap = now.getTime() - (last.incrementalStartedAt?.getTime() ?? 0) + TICK_SECONDS * 1000 + START_SLACK_MS;
  return gap >= shop.syncIntervalMinutes * 60_000 ? "INCREMENTAL" : null;
}

/** After a failed run, a shop waits before the next try: 30 s, doubling, at most an hour. */
export function backoffMs(failures: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, failures - 1));
}

// Per process: how many runs of each shop failed in a row, and when to try again. A shop
// with a wrong password or a marketplace outage must not be retried every tick.
const failing = new Map<string, { failures: number; retryAt: number }>();

function recordOutcome(shopId: string, ok: boolean, now: number): void {
  if (ok) {
    failing.delete(shopId);
    return;
  }
  const failures = (failing.get(shopId)?.failures ?? 0) + 1;
  failing.set(shopId, { failures, retryAt: now + backoffMs(failures) });
}

type Due = "INCREMENTAL" | "DAILY_SWEEP";

/** What is due for a shop, read from the database now: its sync state and its last incremental run. */
async function readDue(shop: { id: string; syncIntervalMinutes: number }): Promise<{ due: Due | null; imported: boolean }> {
  const [state, lastIncremental] = await Promise.all([
    db.syncState.findUnique({ where: { shopId: shop.id }, select: { lastSweepAt: true, cursor: true } }),
    db.syncRun.findFirst({
      where: { shopId: shop.id, kind: { in: ["INCREMENTAL", "INITIAL_IMPORT", "MANUAL"] } },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    }),
  ]);
  const due = dueRun(new Date(), shop, { incrementalStartedAt: lastIncremental?.startedAt ?? null, lastSweepAt: state?.lastSweepAt ?? null });
  return { due, imported: Boolean(state?.cursor) };
}

async function tick(): Promise<void> {
  const shops = await db.shop.findMany({ where: { disabledAt: null }, select: { id: true, syncIntervalMinutes: true } });
  for (const shop of shops) {
    if ((failing.get(shop.id)?.retryAt ?? 0) > Date.now()) continue;
    const { due, imported } = await readDue(shop);
    if (!due) continue;
    // A shop that was never imported gets its first import rather than a sweep.
    const kind = imported ? due : "INCREMENTAL";
    try {
      // Every instance ticks: the other one may have run this very sync between the read
      // above and the lease, so it is decided again once the lease is held.
      const result = await runShopSync(shop.id, kind, null, { stillDue: async () => (await readDue(shop)).due === due });
      if (result.status === "SUCCEEDED" || result.status === "FAILED") recordOutcome(shop.id, result.status === "SUCCEEDED", Date.now());
      if (result.status === "FAILED") log.error({ shopId: shop.id, kind, error: result.error }, "sync run failed");
    } catch (error) {
      recordOutcome(shop.id, false, Date.now());
      log.error({ shopId: shop.id, kind, err: error }, "sync run failed");
    }
  }
}

let job: Cron | undefined;

export function startSyncScheduler(): Cron {
  job ??= new Cron(
    `*/${TICK_SECONDS} * * * * *`,
    {
      protect: true,
      name: "order-sync",
      // A tick that fails (the database is unreachable) is logged; the next one tries again.
      catch: (error: unknown) => log.error({ err: error }, "sync scheduler tick failed"),
    },
    tick,
  );
  return job;
}

export function stopSyncScheduler(): void {
  job?.stop();
  job = undefined;
}
