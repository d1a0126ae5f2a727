// The rule behind lib/auth/authorize.ts, apart from Next.js so it can be tested on
// a real database: session user -> active user -> membership in the shop -> permission.
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { roleCan, type Permission } from "./permissions";

export interface Actor {
  id: string;
  email: string;
  name: string;
}

export interface ShopMembership {
  shopId: string;
  shopName: string;
  shopDisabled: boolean;
  role: Role;
}

export interface ShopAccess {
  actor: Actor;
  shopId: string;
  role: Role;
}

export interface AnyShopAccess {
  actor: Actor;
  /** The shops where the actor holds the permission. */
  shops: ShopMembership[];
}

export type AccessScope = { shopId: string } | { anyShop: true };

export async function resolveActor(userId: string | null | undefined): Promise<Actor> {
  if (!userId) throw new AppError("UNAUTHENTICATED", { message: "No session" });
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, disabledAt: true } });
  // A deleted or disabled user's session stops working at once, even though its JWT is still valid.
  if (!user || user.disabledAt) throw new AppError("UNAUTHENTICATED", { message: "Session user is gone or disabled" });
  return { id: user.id, email: user.email, name: user.name };
}

export async function membershipsOf(userId: string): Promise<ShopMembership[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, shop: { select: { id: true, name: true, disabledAt: true } } },
    orderBy: { shop: { name: "asc" } },
  });
  return rows.map((m) => ({ shopId: m.shop.id, shopName: m.shop.name, shopDisabled: m.shop.disabledAt !== null, role: m.role }));
}

export async function checkAccess(userId: string | null | undefined, permission: Permission, scope: { shopId: string }): Promise<ShopAccess>;
export async function checkAccess(userId: string | null | undefined, permission: Permission, scope: { anyShop: true }): Promise<AnyShopAccess>;
export async function checkAccess(userId: string | null | undefined, permission: Permission, scope: AccessScope): Promise<ShopAccess | AnyShopAccess>;
export async function checkAccess(userId: string | null | undefined, permission: Permission, scope: AccessScope) {
  return actorAccess(await resolveActor(userId), permission, scope);
}

/** The membership and permission half of the rule, for an already resolved actor. */
export async function actorAccess(actor: Actor, permission: Permission, scope: { shopId: string }): Promise<ShopAccess>;
export async function actorAccess(actor: Actor, permission: Permission, scope: { anyShop: true }): Promise<AnyShopAccess>;
export async function actorAccess(actor: Actor, permission: Permission, scope: AccessScope): Promise<ShopAccess | AnyShopAccess>;
export async function actorAccess(actor: Actor, permission: Permission, scope: AccessScope): Promise<ShopAccess | AnyShopAccess> {
  if ("shopId" in scope) {
    const membership = await db.membership.findUnique({
      where: { userId_shopId: { userId: actor.id, shopId: scope.shopId } },
      select: { role: true },
    });
    // Outsiders learn nothing, not even whether the shop exists.
    if (!membership) throw new AppError("NOT_FOUND", { message: `No membership in shop ${scope.shopId}` });
    if (!roleCan(membership.role, permission)) {
      throw new AppError("FORBIDDEN", { message: `${membership.role} lacks ${permission} in shop ${scope.shopId}` });
    }
    return { actor, shopId: scope.shopId, role: membership.role };
  }
  const shops = (await membershipsOf(actor.id)).filter((m) => roleCan(m.role, permission));
  if (shops.length === 0) throw new AppError("FORBIDDEN", { message: `${actor.id} lacks ${permission} in every shop` });
  return { actor, shops };
}
