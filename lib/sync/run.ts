// Runs a shop's sync with its own marketplace client: used by the scheduler, "Sync now"
// and the CLI alike.
import { db } from "@/lib/db/client";
import { marketplaceClientFor } from "@/lib/cdiscount/for-shop";
import { syncShop, type SyncShopOptions, type SyncShopResult } from "./sync-shop";
import type { RunKind } from "./windows";

export async function runShopSync(
  shopId: string,
  kind: RunKind,
  requestedById: string | null = null,
  options: Pick<SyncShopOptions, "stillDue"> = {},
): Promise<SyncShopResult> {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { id: true, apiLogin: true, apiPasswordEncrypted: true, environment: true, disabledAt: true },
  });
  if (shop.disabledAt) throw new Error("The shop is disabled: it is not synced");
  return syncShop(db, shopId, { kind, client: marketplaceClientFor(shop), requestedById, ...options });
}
