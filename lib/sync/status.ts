// What the UI needs to show the sync: "last sync N min ago", a progress bar while a run
// is going, and the last error with a retry.
import type { Db } from "@/lib/db/client";

export interface SyncStatus {
  running: { runId: string; kind: string; startedAt: string; windowsDone: number; windowsTotal: number } | null;
  lastRun: {
    runId: string;
    kind: string;
    status: string;
    startedAt: string;
    finishedAt: string | null;
    newCount: number;
    updatedCount: number;
    unchangedCount: number;
    skippedCount: number;
    unreadableCount: number;
    error: string | null;
  } | null;
  lastSuccessAt: string | null;
  cursor: string | null;
  lastSweepAt: string | null;
  intervalMinutes: number;
}

export async function getSyncStatus(db: Db, shopId: string): Promise<SyncStatus> {
  const [shop, state, running, last, lastSuccess] = await Promise.all([
    db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { syncIntervalMinutes: true } }),
    db.syncState.findUnique({ where: { shopId } }),
    db.syncRun.findFirst({ where: { shopId, status: "RUNNING" }, orderBy: { startedAt: "desc" } }),
    db.syncRun.findFirst({ where: { shopId, status: { not: "RUNNING" } }, orderBy: { startedAt: "desc" } }),
    db.syncRun.findFirst({ where: { shopId, status: "SUCCEEDED" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
  ]);
  return {
    // A run row says "running" until the next run closes it; only a live lease means it is.
    running:
      running && state?.leaseOwner && state.leaseExpiresAt && state.leaseExpiresAt > new Date()
      ? { runId: running.id, kind: running.kind, startedAt: running.startedAt.toISOString(), windowsDone: running.windowsDone, windowsTotal: running.windowsTotal }
      : null,
    lastRun: last
      ? {
          runId: last.id,
          kind: last.kind,
          status: last.status,
          startedAt: last.startedAt.toISOString(),
          finishedAt: last.finishedAt?.toISOString() ?? null,
          newCount: last.newCount,
          updatedCount: last.updatedCount,
          unchangedCount: last.unchangedCount,
          skippedCount: last.skippedCount,
          unreadableCount: last.unreadableCount,
          error: last.error,
        }
      : null,
    lastSuccessAt: lastSuccess?.finishedAt?.toISOString() ?? null,
    cursor: state?.cursor?.toISOString() ?? null,
    lastSweepAt: state?.lastSweepAt?.toISOString() ?? null,
    intervalMinutes: shop.syncIntervalMinutes,
  };
}
