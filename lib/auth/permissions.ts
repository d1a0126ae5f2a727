// What each role may do, per shop. SELLER works the order queue; MANAGER reads and
// reviews but cannot act; ADMIN manages the shop and its users, and can do the rest.
import type { Role } from "@/lib/db/generated/sqlite/enums";

export const PERMISSIONS = [
  "orders.read",
  "orders.act",
  "orders.review",
  "orders.export",
  "shop.manage",
  "users.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["SELLER", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  SELLER: ["orders.read", "orders.act", "orders.export"],
  MANAGER: ["orders.read", "orders.review", "orders.export"],
  ADMIN: PERMISSIONS,
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
