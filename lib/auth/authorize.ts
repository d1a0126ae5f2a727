// The one authorization rule, session -> active user -> membership -> permission,
// re-checked on each request. Route handlers and pages call `authorize`; server actions
// get the same rule through the action client (ctx.authorizeShop / authorizeAnyShop).
import "server-only";
import { cache } from "react";
import { auth } from "./auth";
import { actorAccess, resolveActor, type AccessScope, type Actor, type AnyShopAccess, type ShopAccess } from "./access";
import type { Permission } from "./permissions";

export async function authorize(permission: Permission, scope: { shopId: string }): Promise<ShopAccess>;
export async function authorize(permission: Permission, scope: { anyShop: true }): Promise<AnyShopAccess>;
export async function authorize(permission: Permission, scope: AccessScope): Promise<ShopAccess | AnyShopAccess>;
export async function authorize(permission: Permission, scope: AccessScope) {
  return actorAccess(await currentActor(), permission, scope);
}

/**
 * The signed-in user, for pages that need no particular permission. Once per rendered
 * request: the layout and the page both ask, and each reading of the session cookie costs
 * Auth.js a decryption and a re-encryption, plus the user's row (a tenth of the app's time
 * under npm run bench:load). Route handlers and server actions call it once anyway.
 */
export const currentActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  return resolveActor(session?.user?.id);
});
