import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ShopAccess } from "@/lib/auth/access";

/** A disabled shop keeps its orders and history but is no longer synced or acted on. */
export async function setShopDisabled({ access, disabled }: { access: ShopAccess; disabled: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.shop.update({ where: { id: access.shopId }, data: { disabledAt: disabled ? new Date() : null } });
    await recordAudit(tx, {
      actorId: access.actor.id,
      shopId: access.shopId,
      action: disabled ? "shop.disable" : "shop.enable",
      targetType: "shop",
      targetId: access.shopId,
    });
  });
}
