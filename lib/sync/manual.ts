import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { logger } from "@/lib/logging/logger";
import { runShopSync } from "./run";

export const MANUAL_SYNC_ACTION = "sync.request";

/** Starts a run now, without waiting for it; refuses when one is already going. Audited either way. */
export async function startManualSync(shopId: string, requestedById: string): Promise<void> {
  const refuse = async (error: AppError) => {
    await recordRefusal(db, { actorId: requestedById, shopId, action: MANUAL_SYNC_ACTION, targetType: "shop", targetId: shopId, reason: error.message });
    return error;
  };
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { disabledAt: true } });
  if (shop.disabledAt) throw await refuse(new AppError("INVALID_STATE", { message: "Disabled shops are not synced" }));
  // The lease, not a run row, tells whether a syncer is alive (a killed one leaves its row).
  const state = await db.syncState.findUnique({ where: { shopId }, select: { leaseOwner: true, leaseExpiresAt: true } });
  if (state?.leaseOwner && state.leaseExpiresAt && state.leaseExpiresAt > new Date()) {
    throw await refuse(new AppError("CONFLICT", { message: "A sync is already running for this shop" }));
  }
  // The run's own outcome is on the shop page (its SyncRun row); the log says who asked.
  await db.$transaction((tx) => recordAudit(tx, { actorId: requestedById, shopId, action: MANUAL_SYNC_ACTION, targetType: "shop", targetId: shopId }));
  void runShopSync(shopId, "MANUAL", requestedById).catch((error: unknown) => {
    logger.error({ module: "sync", shopId, kind: "MANUAL", err: error }, "sync run failed");
  });
}
