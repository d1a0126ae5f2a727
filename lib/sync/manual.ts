import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/db/client";
import { runShopSync } from "./run";

/** Starts a run now, without waiting for it; refuses when one is already going. */
export async function startManualSync(shopId: string, requestedById: string): Promise<void> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { disabledAt: true } });
  if (shop.disabledAt) throw new AppError("INVALID_STATE", { message: "Disabled shops are not synced" });
  if (await db.syncRun.findFirst({ where: { shopId, status: "RUNNING" }, select: { id: true } })) {
    throw new AppError("CONFLICT", { message: "A sync is already running for this shop" });
  }
  void runShopSync(shopId, "MANUAL", requestedById).catch((error: unknown) => {
    console.error(`[sync] manual run of shop ${shopId}: ${error instanceof Error ? error.message : String(error)}`);
  });
}
