// The one authorization helper. Every server action, route handler and protected page
// calls it: session -> membership -> permission, re-checked on each request.
import "server-only";
import { auth } from "./auth";
import { checkAccess, resolveActor, type Actor, type AnyShopAccess, type ShopAccess } from "./access";
import type { Permission } from "./permissions";

export async function authorize(permission: Permission, scope: { shopId: string }): Promise<ShopAccess>;
export async function authorize(permission: Permission, scope: { anyShop: true }): Promise<AnyShopAccess>;
export async function authorize(permission: Permission, scope: { shopId: string } | { anyShop: true }) {
  const session = await auth();
  return "shopId" in scope ? checkAccess(session?.user?.id, permission, scope) : checkAccess(session?.user?.id, permission, scope);
}

/** The signed-in user, for pages that need no particular permission. */
export async function currentActor(): Promise<Actor> {
  const session = await auth();
  return resolveActor(session?.user?.id);
}
