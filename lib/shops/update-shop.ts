import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import type { ShopAccess } from "@/lib/auth/access";
import type { UpdateShopInput } from "./schemas";
import { encryptShopPassword } from "./shop-secret";

export async function updateShop({ access, input }: { access: ShopAccess; input: UpdateShopInput }): Promise<void> {
  const { shopId, apiPassword, ...fields } = input;
  if (shopId !== access.shopId) throw new AppError("FORBIDDEN", { message: "Access granted for another shop" });
  await db.$transaction(async (tx) => {
    await tx.shop.update({
      where: { id: shopId },
      data: { ...fields, ...(apiPassword ? { apiPasswordEncrypted: encryptShopPassword(shopId, apiPassword) } : {}) },
    });
    await recordAudit(tx, {
      actorId: access.actor.id,
      shopId,
      action: "shop.update",
      targetType: "shop",
      targetId: shopId,
      details: { ...fields, passwordChanged: Boolean(apiPassword) },
    });
  });
}
