import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/access";
import type { CreateShopInput } from "./schemas";
import { encryptShopPassword } from "./shop-secret";

/** Creates a shop; its creator becomes its ADMIN. */
export async function createShop({ actor, input }: { actor: Actor; input: CreateShopInput }): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { apiPassword, ...fields } = input;
    const shop = await tx.shop.create({ data: { ...fields, apiPasswordEncrypted: "" }, select: { id: true } });
    // The ciphertext is bound to the shop id, known only once the row exists.
    await tx.shop.update({ where: { id: shop.id }, data: { apiPasswordEncrypted: encryptShopPassword(shop.id, apiPassword) } });
    await tx.membership.create({ data: { userId: actor.id, shopId: shop.id, role: "ADMIN" } });
    await tx.syncState.create({ data: { shopId: shop.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      shopId: shop.id,
      action: "shop.create",
      targetType: "shop",
      targetId: shop.id,
      details: { name: fields.name, apiLogin: fields.apiLogin, environment: fields.environment },
    });
    return shop;
  });
}
