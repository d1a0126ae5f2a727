import type { ShopMembership } from "@/lib/auth/access";

export const CURRENT_SHOP_COOKIE = "desk_shop";

/** The shop the user is looking at: the one they picked if still theirs, else their first active one. */
export function pickCurrentShop(memberships: ShopMembership[], chosenShopId: string | undefined): ShopMembership | null {
  return (
    memberships.find((m) => m.shopId === chosenShopId) ??
    memberships.find((m) => !m.shopDisabled) ??
    memberships[0] ??
    null
  );
}
