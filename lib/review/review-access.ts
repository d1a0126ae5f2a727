// Who may review what: the shops where the user holds orders.review (MANAGER, ADMIN),
// all of them by default or the one the shop filter names. The rule apart from Next.js
// (as lib/auth/access.ts is), so tests run it; pages call authorizeReview.
import "server-only";
import { actorAccess, type Actor, type ShopMembership } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";

export interface ReviewAccess {
  actor: Actor;
  /** Every shop the user reviews (for the shop filter). */
  reviewableShops: ShopMembership[];
  /** The shops this request reads: all reviewable ones, or the one asked for. */
  shopIds: string[];
}

/**
 * FORBIDDEN (403) when the user reviews no shop (a seller); NOT_FOUND when the filter
 * names a shop they do not review (another tenant's shop looks like a missing one).
 */
export async function reviewAccessFor(actor: Actor, shop: string | null): Promise<ReviewAccess> {
  const { shops } = await actorAccess(actor, "orders.review", { anyShop: true });
  if (shop && !shops.some((s) => s.shopId === shop)) throw new AppError("NOT_FOUND", { message: `No review access to shop ${shop}` });
  return { actor, reviewableShops: shops, shopIds: shop ? [shop] : shops.map((s) => s.shopId) };
}
