// Sends due outbox actions to Cdiscount. Each action is claimed by a conditional UPDATE
// (one dispatcher wins, across app instances), validations of a shop go out together in
// one ValidateOrderList per 50 orders, refunds one CreateRefundVoucher each. A transient
// failure puts the action back with a backoff; anything Cdiscount refuses is final, with
// its message kept verbatim. Each failure is recorded with why (action-failure.ts), so
// that the seller is told a refusal only when Cdiscount made one. An action that was sent
// before -- a crash or a lost answer -- is re-read first and never sent blind: a second
// refund is real money.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Db } from "@/lib/db/client";
import { marketplaceClientFor, type ShopConnection } from "@/lib/cdiscount/for-shop";
import type { MarketplaceClient, ValidationOutcome } from "@/lib/cdiscount/marketplace-client";
import { isMarketplaceError } from "@/lib/cdiscount/errors";
import type { MarketplaceOrder, RefundRequest, RefundResult, ValidateOrder } from "@/lib/cdiscount/types";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logging/logger";
import { failureOfError, failureOfRefund, failureOfValidation, nothingApplied, technicalRecord, type AttemptPhase, type RecordedFailure } from "./action-failure";
import { isValidationKind, marketplaceShowsAction } from "./action-kinds";
import type { ActionPayload } from "./action-payload";
import { chunks, readMarketplaceOrders, storeMarketplaceOrders } from "./marketplace-orders";
import { settleAction, type ClaimedAction, type Settlement } from "./settle-action";

const log = logger.child({ module: "order-actions" });

/** A dispatcher that stops renewing its claims for this long is taken for dead. */
const LOCK_TTL_MS = 2 * 60_000;
/** Then the action fails for good, with the last error: about an hour of retries. */
export const MAX_ATTEMPTS = 8;
const DEFAULT_LIMIT = 200;

/** 30 s after the first failure, doubling, at most 30 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export interface DispatchOptions {
  /** Only these actions (what the seller just asked for); otherwise every due one. */
  actionIds?: readonly string[];
  now?: Date;
  limit?: number;
  clientFor?: (shop: ShopConnection) => MarketplaceClient;
}

export interface DispatchReport {
  claimed: string[];
  succeeded: number;
  failed: number;
  retrying: number;
}

export async function dispatchMarketplaceActions(db: Db, options: DispatchOptions = {}): Promise<DispatchReport> {
  const now = options.now ?? new Date();
  const claimer = `dispatcher-${process.pid}-${randomUUID().slice(0, 8)}`;
  const claimed = await claimDueActions(db, options, claimer, now);
  const report: DispatchReport = { claimed: claimed.map((a) => a.id), succeeded: 0, failed: 0, retrying: 0 };
  if (claimed.length === 0) return report;
  const byShop = new Map<string, ClaimedAction[]>();
  for (const action of claimed) byShop.set(action.shopId, [...(byShop.get(action.shopId) ?? []), action]);
  const stopRenewing = keepClaimsAlive(db, claimer);
  try {
    for (const [shopId, actions] of byShop) {
      const tally = await dispatchShopActions(db, shopId, actions, options.clientFor ?? marketplaceClientFor, now);
      report.succeeded += tally.succeeded;
      report.failed += tally.failed;
      report.retrying += tally.retrying;
    }
  } finally {
    stopRenewing();
  }
  return report;
}

/**
 * A slow answer (the client's own retries, a slot shared with the sync) must not pass
 * for a dead sender: a second dispatcher would take the action over and send it again.
 */
function keepClaimsAlive(db: Db, claimer: string): () => void {
  const timer = setInterval(() => {
    db.$transaction((tx) =>
      tx.marketplaceAction.updateMany({ where: { status: "SENDING", lockedBy: claimer }, data: { lockedUntil: new Date(Date.now() + LOCK_TTL_MS) } }),
    ).catch((error: unknown) => log.error({ claimer, err: error }, "renewing the outbox claims failed"));
  }, LOCK_TTL_MS / 4);
  timer.unref();
  return () => clearInterval(timer);
}

function dueWhere(now: Date): Prisma.MarketplaceActionWhereInput {
  return {
    OR: [
      { status: "PENDING", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
      // A sender that died mid-call: its claim lapses and the action is taken over.
      { status: "SENDING", lockedUntil: { lt: now } },
    ],
  };
}

async function claimDueActions(db: Db, { actionIds, limit = DEFAULT_LIMIT }: DispatchOptions, claimer: string, now: Date): Promise<ClaimedAction[]> {
  const candidates = await db.marketplaceAction.findMany({
    where: { AND: [dueWhere(now), actionIds ? { id: { in: [...actionIds] } } : {}, { shop: { disabledAt: null } }] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, result: true },
  });
  if (candidates.length === 0) return [];
  // A conditional UPDATE, atomic on SQLite and PostgreSQL alike: of two dispatchers, one
  // updates each row, and the rows now bearing this claimer's name are its own. In a
  // transaction because on SQLite every request shares one connection: outside one, a
  // claim could be undone by another request's rollback.
  await db.$transaction(async (tx) => {
    for (const batch of chunks(candidates.map((c) => c.id), 500)) {
      await tx.marketplaceAction.updateMany({
        where: { AND: [{ id: { in: batch } }, dueWhere(now)] },
        // The result of a pending action is its last failure: read above, and cleared so that
        // a sender dying mid-call leaves no record claiming its call changed nothing.
        data: { status: "SENDING", lockedBy: claimer, lockedUntil: new Date(now.getTime() + LOCK_TTL_MS), attempts: { increment: 1 }, result: Prisma.DbNull },
      });
    }
  });
  const rows = await db.marketplaceAction.findMany({
    where: { status: "SENDING", lockedBy: claimer },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      shopId: true,
      orderId: true,
      kind: true,
      payload: true,
      attempts: true,
      requestedById: true,
      createdAt: true,
      order: { select: { status: true } },
    },
  });
  const untouched = new Set(candidates.filter((c) => nothingApplied(c.result)).map((c) => c.id));
  return rows.map((r) => {
    const payload = r.payload as unknown as ActionPayload;
    const earlierChangedNothing = r.attempts <= 1 || untouched.has(r.id);
    return { ...r, payload, orderNumber: payload.orderNumber, orderStatus: r.order?.status ?? null, lockedBy: claimer, earlierChangedNothing };
  });
}

async function dispatchShopActions(
  db: Db,
  shopId: string,
  actions: ClaimedAction[],
  clientFor: (shop: ShopConnection) => MarketplaceClient,
  now: Date,
): Promise<Omit<DispatchReport, "claimed">> {
  const tally = { succeeded: 0, failed: 0, retrying: 0 };
  const toReread = new Set<string>();
  // Successes are recorded once the re-read order is stored: a request waiting on the same
  // action (a double click, another instance) then reads the confirmed status with it. A
  // crash in between leaves the action claimed; whoever takes it over re-reads it first.
  const succeeded: [ClaimedAction, Settlement][] = [];
  const settle = async (action: ClaimedAction, settlement: Settlement) => {
    if (settlement.status === "SUCCEEDED") {
      succeeded.push([action, settlement]);
      toReread.add(action.orderNumber);
      return;
    }
    if (!(await settleAction(db, action, settlement))) return;
    if (settlement.status === "FAILED") tally.failed++;
    else tally.retrying++;
  };

  let client: MarketplaceClient;
  try {
    const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { id: true, apiLogin: true, apiPasswordEncrypted: true, environment: true } });
    client = clientFor(shop);
  } catch (error) {
    for (const action of actions) await settle(action, settlementForError(action, error, "setup", now));
    return tally;
  }

  // 1. Sent before: look at the marketplace first; what it already shows is done.
  const reread = new Map<string, MarketplaceOrder>();
  const toSend = actions.filter((a) => a.attempts <= 1);
  const sentBefore = actions.filter((a) => a.attempts > 1);
  if (sentBefore.length) {
    try {
      const current = await readMarketplaceOrders(client, sentBefore.map((a) => a.orderNumber));
      for (const action of sentBefore) {
        const order = current.get(action.orderNumber);
        if (order && marketplaceShowsAction(toVerify(action), order)) {
          reread.set(action.orderNumber, order);
          await settle(action, { status: "SUCCEEDED", verified: true, result: { verified: true, marketplaceState: order.orderState } });
        } else {
          toSend.push(action);
        }
      }
    } catch (error) {
      for (const action of sentBefore) await settle(action, settlementForError(action, error, "reread", now));
    }
  }

  // 2. Send: validations together, refunds one by one.
  for (const batch of chunks(toSend.filter((a) => isValidationKind(a.kind)))) {
    let outcomes: ValidationOutcome[];
    try {
      outcomes = await client.validateOrders(batch.map((a) => a.payload as ValidateOrder));
    } catch (error) {
      for (const action of batch) await settle(action, settlementForError(action, error, "send", now));
      continue;
    }
    for (const [i, action] of batch.entries()) {
      const outcome = outcomes[i]!;
      const answer = outcome as unknown as Prisma.InputJsonObject;
      if (outcome.source === "unanswered") {
        // Neither a yes nor a no: sent again like an answer lost on the way, so the next
        // attempt re-reads the order first and settles without sending if it shows the action.
        await settle(action, retryOrFail(action, { reason: "noResult", applied: "unknown" }, "ValidateOrderList: the answer had no result for this order", true, now));
      } else if (outcome.validated) {
        await settle(action, { status: "SUCCEEDED", verified: false, result: answer });
      } else {
        const failure = failureOfValidation(outcome);
        await settle(action, { status: "FAILED", failure, message: technicalRecord(failure, "ValidateOrderList: Validated=false without a message"), answer });
      }
    }
  }
  for (const action of toSend.filter((a) => a.kind === "REFUND")) {
    let refund: RefundResult;
    try {
      refund = await client.createRefund(action.payload as RefundRequest);
    } catch (error) {
      await settle(action, settlementForError(action, error, "send", now));
      continue;
    }
    const answer = refund as unknown as Prisma.InputJsonObject;
    if (refund.sellerRefunds.every((r) => r.success)) {
      await settle(action, { status: "SUCCEEDED", verified: false, result: answer });
    } else {
      const failure = failureOfRefund(refund);
      await settle(action, { status: "FAILED", failure, message: technicalRecord(failure, "CreateRefundVoucher: refund line not accepted"), answer });
    }
  }

  // 3. Re-read what succeeded (Cdiscount's advice) so the desk shows the confirmed state.
  try {
    const unread = [...toReread].filter((n) => !reread.has(n));
    for (const [orderNumber, order] of await readMarketplaceOrders(client, unread)) reread.set(orderNumber, order);
    await storeMarketplaceOrders(db, shopId, [...reread.values()]);
  } catch (error) {
    // The successes are recorded all the same; the next sync run brings the orders' new state.
    log.error({ shopId, err: error }, "re-reading confirmed orders failed");
  }
  // 4. Record the successes.
  for (const [action, settlement] of succeeded) if (await settleAction(db, action, settlement)) tally.succeeded++;
  return tally;
}

function toVerify(action: ClaimedAction) {
  const refundedSkus = "sellerRefunds" in action.payload ? action.payload.sellerRefunds.map((r) => r.sellerProductId) : [];
  return { kind: action.kind, refundedSkus, requestedAt: action.createdAt };
}

function settlementForError(action: ClaimedAction, error: unknown, phase: AttemptPhase, now: Date): Settlement {
  const failure = failureOfError(error, { phase, earlierChangedNothing: action.earlierChangedNothing });
  const message = technicalRecord(failure, describe(error));
  // An unexpected failure may have happened after the call went out: retried, and
  // re-read first like any action sent before. Configuration errors need an admin.
  const transient = isMarketplaceError(error) ? error.retryable : !AppError.is(error);
  if (!isMarketplaceError(error)) log.error({ actionId: action.id, err: error }, "marketplace action failed unexpectedly");
  return retryOrFail(action, failure, message, transient, now);
}

/** Sent again later while attempts remain and sending again may help; failed for good otherwise. */
function retryOrFail(action: ClaimedAction, failure: RecordedFailure, message: string, transient: boolean, now: Date): Settlement {
  if (transient && action.attempts < MAX_ATTEMPTS) {
    return { status: "RETRY", failure, message, retryAt: new Date(now.getTime() + retryDelayMs(action.attempts)) };
  }
  return { status: "FAILED", failure, message };
}

function describe(error: unknown): string {
  if (isMarketplaceError(error)) return error.marketplaceMessage ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
