// Pages call the same authorization helper; its errors become the matching screens.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { SIGN_IN_PATH } from "./auth.config";
import { authorize, currentActor } from "./authorize";
import { membershipsOf, type AccessScope, type AnyShopAccess, type ShopAccess } from "./access";
import type { Permission } from "./permissions";
import { CURRENT_SHOP_COOKIE, pickCurrentShop } from "@/lib/shops/current-shop";

function toNavigation(error: unknown): never {
  if (AppError.is(error, "UNAUTHENTICATED")) redirect(SIGN_IN_PATH);
  if (AppError.is(error, "NOT_FOUND")) notFound();
  if (AppError.is(error, "FORBIDDEN")) forbidden();
  throw error;
}

export async function authorizePage(permission: Permission, scope: { shopId: string }): Promise<ShopAccess>;
export async function authorizePage(permission: Permission, scope: { anyShop: true }): Promise<AnyShopAccess>;
export async function authorizePage(permission: Permission, scope: AccessScope) {
  try {
    return await authorize(permission, scope);
  } catch (error) {
    toNavigation(error);
  }
}

/** An authorization made elsewhere (e.g. the queue's), with the page's screens for its refusals. */
export function authorizedPage<T>(authorization: Promise<T>): Promise<T> {
  return authorization.catch(toNavigation);
}

/** Who is signed in, their shops, and the shop they are looking at (once per request). */
export const getDeskContext = cache(async () => {
  const actor = await currentActor().catch(toNavigation);
  const memberships = await membershipsOf(actor.id);
  const currentShop = pickCurrentShop(memberships, (await cookies()).get(CURRENT_SHOP_COOKIE)?.value);
  return { actor, memberships, currentShop };
});
