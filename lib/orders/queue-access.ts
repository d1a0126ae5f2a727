// Which shops a queue request may read: the current shop (the default), or every shop
// of the user's where they may read orders. Pages, the queue API and the order detail
// all go through here, on top of the one authorization rule.
import "server-only";
import { cookies } from "next/headers";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors/app-error";
import { CURRENT_SHOP_COOKIE, pickCurrentShop } from "@/lib/shops/current-shop";
import type { ShopMembership, Actor } from "@/lib/auth/access";
import type { ShopScope } from "./queue-params";

export interface QueueAccess {
  actor: Actor;
  /** The shops this request reads. */
  shopIds: string[];
  /** Every shop where the user may read orders (for the shop filter and "all my shops"). */
  readableShops: ShopMembership[];
  currentShop: ShopMembership;
}

export async function authorizeQueue(scope: ShopScope = "current"): Promise<QueueAccess> {
  const access = await authorize("orders.read", { anyShop: true });
  const currentShop = pickCurrentShop(access.shops, (await cookies()).get(CURRENT_SHOP_COOKIE)?.value);
  if (!currentShop) throw new AppError("FORBIDDEN", { message: "No shop to read orders from" });
  const shopIds = scope === "all" ? access.shops.map((s) => s.shopId) : [currentShop.shopId];
  return { actor: access.actor, shopIds, readableShops: access.shops, currentShop };
}
