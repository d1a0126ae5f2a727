// One sync run of one shop: take the lease, ask Cdiscount for the run's window slice by
// slice (splitting a slice whose answer is too large or too slow), keep Cdiscount's own
// orders, write each slice in one transaction, and move the cursor only once the slice
// it covers is committed. A crash anywhere leaves the next run to converge: windows
// overlap, writes are idempotent, an older version never overwrites a newer one.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { MarketplaceClient } from "@/lib/cdiscount/marketplace-client";
import { isMarketplaceError } from "@/lib/cdiscount/errors";
import { ORDER_STATE_ENUM } from "@/lib/cdiscount/types";
import { acquireLease, releaseLease, renewLease } from "./lease";
import { OrderWriter, type WriteCounts } from "./order-writer";
import { isOwnOrder, toOrderRecord } from "./order-record";
import { DEFAULT_SYNC_SETTINGS, halves, runWindow, type RunKind, type SyncSettings, type TimeWindow } from "./windows";

/** Renewed while a run lasts; a crashed syncer's lease lapses after this (DESK_SYNC_LEASE_TTL_MS). */
const LEASE_TTL_MS = Number(process.env.DESK_SYNC_LEASE_TTL_MS) > 0 ? Number(process.env.DESK_SYNC_LEASE_TTL_MS) : 5 * 60_000;

export interface SyncShopOptions {
  kind: RunKind;
  /** The shop's clock: defaults to now (tests pass the sandbox's). */
  now?: Date;
  client: MarketplaceClient;
  requestedById?: string | null;
  settings?: Partial<SyncSettings>;
  /** Identifies this syncer in the lease. */
  owner?: string;
  /** Called after each committed slice (crash tests, progress). */
  onSliceCommitted?: (window: TimeWindow) => void | Promise<void>;
  /**
   * Asked once the lease is held. The scheduler decides a run is due on a read taken
   * before the lease; meanwhile another instance may have run it, and a second daily
   * sweep right after the first would cost five days of calls for nothing.
   */
  stillDue?: () => Promise<boolean>;
}

export type SyncShopResult =
  | { status: "SUCCEEDED" | "FAILED"; runId: string; counts: WriteCounts & { skippedCount: number; unreadableCount: number }; error: string | null }
  /** BUSY: another syncer holds the lease. NOT_DUE: the run was done meanwhile (stillDue). */
  | { status: "BUSY" | "NOT_DUE" };

interface WindowReport {
  from: string;
  to: string;
  orders: number;
  skipped: number;
  split?: boolean;
}

/** Messages kept in the run record: our own words and Cdiscount's, never credentials. */
function describe(error: unknown): string {
  if (isMarketplaceError(error)) return [error.message, error.marketplaceMessage].filter(Boolean).join(" — ");
  return error instanceof Error ? error.message : String(error);
}

/** Too large or too slow: the same window, split, may pass (reference §4, pain point 2). */
function tooLarge(error: unknown): boolean {
  if (!isMarketplaceError(error)) return false;
  if (error.kind === "timeout") return true;
  return error.kind === "business" && /timeout/i.test(`${error.marketplaceMessage ?? ""} ${error.message}`);
}

export async function syncShop(db: Db, shopId: string, options: SyncShopOptions): Promise<SyncShopResult> {
  const owner = options.owner ?? `syncer-${process.pid}-${randomUUID().slice(0, 8)}`;
  if (!(await acquireLease(db, shopId, owner, LEASE_TTL_MS))) return { status: "BUSY" };
  // A slice may take longer than the lease (slow answers, retries): keep it alive while
  // the run lasts; losing it stops the run at its next slice.
  let leaseLost = false;
  const keepAlive = setInterval(() => {
    renewLease(db, shopId, owner, LEASE_TTL_MS).then(
      (held) => (leaseLost ||= !held),
      () => undefined,
    );
  }, Math.max(1_000, LEASE_TTL_MS / 3));
  try {
    if (options.stillDue && !(await options.stillDue())) return { status: "NOT_DUE" };
    return await runWithLease(db, shopId, options, () => leaseLost);
  } finally {
    clearInterval(keepAlive);
    await releaseLease(db, shopId, owner);
  }
}

async function runWithLease(db: Db, shopId: string, options: SyncShopOptions, leaseLost: () => boolean): Promise<SyncShopResult> {
  const settings = { ...DEFAULT_SYNC_SETTINGS, ...options.settings };
  // Holding the lease, no other run of this shop can be alive: a run still marked as
  // running was cut short (a crash, a killed process).
  await db.syncRun.updateMany({
    where: { shopId, status: "RUNNING" },
    data: { status: "FAILED", finishedAt: new Date(), error: "interrupted: the syncer stopped before finishing" },
  });
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { corporationCode: true, initialImportDays: true } });
  const state = await db.syncState.findUniqueOrThrow({ where: { shopId } });
  const now = options.now ?? new Date();
  const kind: RunKind = options.kind !== "DAILY_SWEEP" && !state.cursor ? "INITIAL_IMPORT" : options.kind;
  const window = runWindow(kind, now, state, shop, settings);
  // Slices are cut as the run goes, oldest first, their length following the answers'
  // sizes; slices to redo (halves of a failed one) go to the front of the queue.
  const end = window.to.getTime();
  let nextFrom = window.from.getTime();
  let sliceMs = settings.sliceMs;
  const queue: TimeWindow[] = [];
  const refill = () => {
    if (queue.length >= 2 || nextFrom >= end) return;
    const to = Math.min(nextFrom + sliceMs, end);
    queue.push({ from: new Date(nextFrom), to: new Date(to) });
    nextFrom = to;
  };
  refill();
  if (queue.length === 0) queue.push(window);
  const estimateTotal = (done: number) => done + queue.length + Math.ceil((end - nextFrom) / sliceMs);
  const run = await db.syncRun.create({
    data: { shopId, kind, windowFrom: window.from, windowTo: window.to, windowsTotal: estimateTotal(0), requestedById: options.requestedById ?? null },
    select: { id: true },
  });

  const counts = { newCount: 0, updatedCount: 0, unchangedCount: 0, skippedCount: 0, unreadableCount: 0 };
  const reports: WindowReport[] = [];
  const unreadable: { orderNumber: string | null; reason: string }[] = [];
  let windowsTotal = estimateTotal(0);
  let windowsDone = 0;
  let error: string | null = null;
  let errorKind: string | null = null;
  // The next slice is fetched while this one is written: Cdiscount (or the sandbox)
  // prepares its answer while we parse and store the previous one.
  type Fetched = { answer: Awaited<ReturnType<MarketplaceClient["getOrders"]>> } | { failure: unknown };
  const inflight = new Map<TimeWindow, Promise<Fetched>>();
  const fetchSlice = (w: TimeWindow): Promise<Fetched> => {
    let pending = inflight.get(w);
    if (!pending) {
      pending = options.client
        .getOrders({ beginModificationDate: w.from, endModificationDate: w.to, states: [...ORDER_STATE_ENUM], fetchOrderLines: true })
        .then((answer) => ({ answer }), (failure: unknown) => ({ failure }));
      inflight.set(w, pending);
    }
    return pending;
  };
  let writer: OrderWriter | undefined;
  try {
    writer = new OrderWriter(db);
    while (queue.length) {
      const current = queue.shift()!;
      refill();
      if (leaseLost()) throw new Error("the sync lease was lost to another syncer");
      const pending = fetchSlice(current);
      if (queue[0]) void fetchSlice(queue[0]);
      const fetched = await pending;
      inflight.delete(current);
      if ("failure" in fetched) {
        const e = fetched.failure;
        if (tooLarge(e) && current.to.getTime() - current.from.getTime() > settings.minSliceMs) {
          queue.unshift(...halves(current));
          windowsTotal = estimateTotal(windowsDone);
          reports.push({ from: current.from.toISOString(), to: current.to.toISOString(), orders: 0, skipped: 0, split: true });
          continue;
        }
        throw e;
      }
      const { answer } = fetched;
      if (answer.orders.length > settings.targetOrdersPerSlice) sliceMs = Math.max(settings.minSliceMs, Math.floor(sliceMs / 2));
      else if (answer.orders.length < settings.targetOrdersPerSlice / 4) sliceMs = Math.min(settings.sliceMs, sliceMs * 2);
      const own = answer.orders.filter((o) => isOwnOrder(o, shop.corporationCode));
      const written = await writer.write(shopId, own.map(toOrderRecord));
      counts.newCount += written.newCount;
      counts.updatedCount += written.updatedCount;
      counts.unchangedCount += written.unchangedCount;
      counts.skippedCount += answer.orders.length - own.length;
      counts.unreadableCount += answer.unreadable.length;
      unreadable.push(...answer.unreadable);
      reports.push({ from: current.from.toISOString(), to: current.to.toISOString(), orders: own.length, skipped: answer.orders.length - own.length });
      // The cursor follows committed data only: slices are taken oldest first.
      if (kind !== "DAILY_SWEEP") await db.syncState.update({ where: { shopId }, data: { cursor: current.to } });
      windowsDone += 1;
      windowsTotal = estimateTotal(windowsDone);
      await db.syncRun.update({ where: { id: run.id }, data: { windowsDone, windowsTotal, ...counts } });
      await options.onSliceCommitted?.(current);
    }
    await db.syncState.update({
      where: { shopId },
      data: kind === "DAILY_SWEEP" ? { lastSweepAt: now } : kind === "INITIAL_IMPORT" ? { initialImportAt: now, lastSweepAt: state.lastSweepAt ?? now } : {},
    });
  } catch (e) {
    error = describe(e);
    // The seller is told what failed in words of their own language (lib/sync/issue-notice.ts).
    errorKind = isMarketplaceError(e) ? e.kind : null;
  } finally {
    await writer?.close().catch(() => undefined);
    const detail = unreadable.length ? `; unreadable orders: ${unreadable.map((u) => `${u.orderNumber ?? "?"} (${u.reason})`).join(", ")}` : "";
    await db.syncRun.update({
      where: { id: run.id },
      data: {
        status: error ? "FAILED" : "SUCCEEDED",
        finishedAt: new Date(),
        windows: reports as unknown as object,
        windowsTotal,
        ...counts,
        errorKind,
        error: error || detail ? `${error ?? ""}${detail}`.replace(/^; /, "") : null,
      },
    });
  }
  return { status: error ? "FAILED" : "SUCCEEDED", runId: run.id, counts, error };
}
