// The sync cadence of the brief: each shop's incremental pull every `syncIntervalMinutes`
// (15 by default, down to 1), and once a day the sweep of everything created or amended
// in the last 5 days. croner ticks; the lease in the database keeps one syncer per shop
// across instances, so every instance may run this scheduler.
import { Cron } from "croner";
import { db } from "@/lib/db/client";
import { runShopSync } from "./run";
import { DAY } from "./windows";

const TICK_SECONDS = 5;

/** What is due for one shop now, if anything. */
export function dueRun(
  now: Date,
  shop: { syncIntervalMinutes: number },
  last: { incrementalStartedAt: Date | null; lastSweepAt: Date | null },
): "INCREMENTAL" | "DAILY_SWEEP" | null {
  if (!last.lastSweepAt || now.getTime() - last.lastSweepAt.getTime() >= DAY) return "DAILY_SWEEP";
  // Start a tick early rather than late: the interval is the longest gap between runs.
  const gap = now.getTime() - (last.incrementalStartedAt?.getTime() ?? 0) + TICK_SECONDS * 1000;
  return gap >= shop.syncIntervalMinutes * 60_000 ? "INCREMENTAL" : null;
}

async function tick(): Promise<void> {
  const shops = await db.shop.findMany({ where: { disabledAt: null }, select: { id: true, syncIntervalMinutes: true, syncState: { select: { lastSweepAt: true, cursor: true } } } });
  const now = new Date();
  for (const shop of shops) {
    const lastIncremental = await db.syncRun.findFirst({
      where: { shopId: shop.id, kind: { in: ["INCREMENTAL", "INITIAL_IMPORT", "MANUAL"] } },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    });
    const due = dueRun(now, shop, { incrementalStartedAt: lastIncremental?.startedAt ?? null, lastSweepAt: shop.syncState?.lastSweepAt ?? null });
    if (!due) continue;
    // A shop that was never imported gets its first import rather than a sweep.
    const kind = !shop.syncState?.cursor ? "INCREMENTAL" : due;
    await runShopSync(shop.id, kind).catch((error: unknown) => {
      console.error(`[sync] shop ${shop.id}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}

let job: Cron | undefined;

export function startSyncScheduler(): Cron {
  job ??= new Cron(`*/${TICK_SECONDS} * * * * *`, { protect: true, name: "order-sync" }, tick);
  return job;
}

export function stopSyncScheduler(): void {
  job?.stop();
  job = undefined;
}
