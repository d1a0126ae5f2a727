// Read models for the shops admin. The API password is never selected: only whether
// one is stored.
import "server-only";
import { db } from "@/lib/db/client";

export interface AdminShopRow {
  id: string;
  name: string;
  apiLogin: string;
  environment: string;
  disabled: boolean;
  memberCount: number;
  orderCount: number;
}

export async function listShops(shopIds: string[]): Promise<AdminShopRow[]> {
  const shops = await db.shop.findMany({
    where: { id: { in: shopIds } },
    select: {
      id: true,
      name: true,
      apiLogin: true,
      environment: true,
      disabledAt: true,
      _count: { select: { memberships: true, orders: true } },
    },
    orderBy: { name: "asc" },
  });
  return shops.map((s) => ({
    id: s.id,
    name: s.name,
    apiLogin: s.apiLogin,
    environment: s.environment,
    disabled: s.disabledAt !== null,
    memberCount: s._count.memberships,
    orderCount: s._count.orders,
  }));
}

export async function getShopSettings(shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: {
      id: true,
      name: true,
      apiLogin: true,
      environment: true,
      syncIntervalMinutes: true,
      initialImportDays: true,
      disabledAt: true,
      apiPasswordEncrypted: true,
    },
  });
  const { apiPasswordEncrypted, disabledAt, ...rest } = shop;
  return { ...rest, disabled: disabledAt !== null, hasPassword: apiPasswordEncrypted.length > 0 };
}
export type ShopSettings = Awaited<ReturnType<typeof getShopSettings>>;

export async function listShopMembers(shopId: string) {
  const rows = await db.membership.findMany({
    where: { shopId },
    select: { role: true, user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return rows.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, disabled: m.user.disabledAt !== null }));
}
export type ShopMember = Awaited<ReturnType<typeof listShopMembers>>[number];
