import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logging/logger";
import { runShopSync } from "./run";

/** Starts a run now, without waiting for it; refuses when one is already going. */
export async function startManualSync(shopId: string, requestedById: string): Promise<void> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { disabledAt: true } });
  if (shop.disabledAt) throw new AppError("INVALID_STATE", { message: "Disabled shops are not synced" });
  // The lease, not a run row, tells whether a syncer is alive (a killed one leaves its row).
  const state = await db.syncState.findUnique({ where: { shopId }, select: { leaseOwner: true, leaseExpiresAt: true } });
  if (state?.leaseOwner && state.leaseExpiresAt && state.leaseExpiresAt > new Date()) {
    throw new AppError("CONFLICT", { message: "A sync is already running for this shop" });
  }
  void runShopSync(shopId, "MANUAL", requestedById).catch((error: unknown) => {
    logger.error({ module: "sync", shopId, kind: "MANUAL", err: error }, "sync run failed");
  });
}
