// The demo installation `npm start` creates on an empty database: a shop wired to the
// built-in Cdiscount sandbox and one user per role. The README lists the same logins.
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { encryptShopPassword } from "@/lib/shops/shop-secret";
import type { Role } from "@/lib/db/client";

export const DEMO_SHOP = { name: "Boutique démo", apiLogin: "demo-api", apiPassword: "demo-sandbox-password" } as const;

export const DEMO_USERS: readonly { email: string; name: string; password: string; role: Role }[] = [
  { email: "seller@demo.test", name: "Sophie Vendeuse", password: "vendeur-demo", role: "SELLER" },
  { email: "manager@demo.test", name: "Marc Manager", password: "manager-demo", role: "MANAGER" },
  { email: "admin@demo.test", name: "Alice Admin", password: "admin-demo", role: "ADMIN" },
];

/** Seeds the demo on an empty database; returns false when users already exist. */
export async function seedDemo(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  await db.$transaction(async (tx) => {
    const shop = await tx.shop.create({
      data: { name: DEMO_SHOP.name, apiLogin: DEMO_SHOP.apiLogin, apiPasswordEncrypted: "", environment: "SANDBOX" },
      select: { id: true },
    });
    await tx.shop.update({ where: { id: shop.id }, data: { apiPasswordEncrypted: encryptShopPassword(shop.id, DEMO_SHOP.apiPassword) } });
    await tx.syncState.create({ data: { shopId: shop.id } });
    for (const [i, u] of DEMO_USERS.entries()) {
      await tx.user.create({
        data: { email: u.email, name: u.name, passwordHash: hashes[i]!, memberships: { create: { shopId: shop.id, role: u.role } } },
      });
    }
  });
  return true;
}
