import "server-only";
import { db } from "@/lib/db/client";
import { marketplaceClientFor } from "@/lib/cdiscount/for-shop";
import { isMarketplaceError, type MarketplaceErrorKind } from "@/lib/cdiscount/errors";
import type { ShopAccess } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";

export type ConnectionTestResult =
  | { ok: true; carrierCount: number }
  | { ok: false; kind: MarketplaceErrorKind | "configuration"; marketplaceMessage: string | null };

/** Fetches a token and the carrier list: what every later call needs to work. */
export async function testShopConnection({ access }: { access: ShopAccess }): Promise<ConnectionTestResult> {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: access.shopId },
    select: { id: true, apiLogin: true, apiPasswordEncrypted: true, environment: true },
  });
  try {
    const carriers = await marketplaceClientFor(shop).getCarriers();
    return { ok: true, carrierCount: carriers.length };
  } catch (error) {
    if (isMarketplaceError(error)) return { ok: false, kind: error.kind, marketplaceMessage: error.marketplaceMessage ?? null };
    // A password that cannot be decrypted (key changed): the admin must enter it again.
    if (AppError.is(error, "CONFIGURATION")) return { ok: false, kind: "configuration", marketplaceMessage: null };
    throw error;
  }
}
