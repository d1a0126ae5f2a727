// The one authorization rule, session -> active user -> membership -> permission,
// re-checked on each request. Route handlers and pages call `authorize`; server actions
// get the same rule through the action client (ctx.authorizeShop / authorizeAnyShop).
import "server-only";
import { auth } from "./auth";
import { checkAccess, resolveActor, type AccessScope, type Actor, type AnyShopAccess, type ShopAccess } from "./access";
import type { Permission } from "./permissions";

export async function authorize(permission: Permission, scope: { shopId: string }): Promise<ShopAccess>;
export async function authorize(permission: Permission, scope: { anyShop: true }): Promise<AnyShopAccess>;
export async function authorize(permission: Permission, scope: AccessScope): Promise<ShopAccess | AnyShopAccess>;
export async function authorize(permission: Permission, scope: AccessScope) {
  const session = await auth();
  return checkAccess(session?.user?.id, permission, scope);
}

/** The signed-in user, for pages that need no particular permission. */
export async function currentActor(): Promise<Actor> {
  const session = await auth();
  return resolveActor(session?.user?.id);
}
