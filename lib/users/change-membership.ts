import { db, urlOf, type TransactionClient } from "@/lib/db/client";
import { engineOf } from "@/lib/db/url";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import type { ShopAccess } from "@/lib/auth/access";
import type { Role } from "@/lib/db/client";

// Changes to a shop's members take turns: on PostgreSQL, where transactions run side by
// side, two admins demoting each other at once would each count the other as the admin
// who remains, and leave the shop with none. SQLite runs one write transaction at a time.
async function lockShopMembers(tx: TransactionClient, shopId: string) {
  if (engineOf(urlOf(db)) === "postgresql") await tx.$queryRaw`SELECT "id" FROM "Shop" WHERE "id" = ${shopId} FOR UPDATE`;
}

// A shop always keeps at least one active ADMIN, or nobody could manage it any more.
async function assertAnotherAdminRemains(tx: TransactionClient, shopId: string, userId: string) {
  const otherAdmins = await tx.membership.count({ where: { shopId, role: "ADMIN", userId: { not: userId }, user: { disabledAt: null } } });
  if (otherAdmins === 0) throw new AppError("INVALID_STATE", { message: "Last admin of the shop" });
}

async function currentRole(tx: TransactionClient, shopId: string, userId: string): Promise<Role> {
  const m = await tx.membership.findUnique({ where: { userId_shopId: { userId, shopId } }, select: { role: true } });
  if (!m) throw new AppError("NOT_FOUND", { message: "Not a member of this shop" });
  return m.role;
}

export async function setMemberRole({ access, userId, role }: { access: ShopAccess; userId: string; role: Role }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockShopMembers(tx, access.shopId);
    const previous = await currentRole(tx, access.shopId, userId);
    if (previous === role) return;
    if (previous === "ADMIN") await assertAnotherAdminRemains(tx, access.shopId, userId);
    await tx.membership.update({ where: { userId_shopId: { userId, shopId: access.shopId } }, data: { role } });
    await recordAudit(tx, {
      actorId: access.actor.id,
      shopId: access.shopId,
      action: "member.role",
      targetType: "user",
      targetId: userId,
      details: { from: previous, to: role },
    });
  });
}

export async function removeMember({ access, userId }: { access: ShopAccess; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockShopMembers(tx, access.shopId);
    const previous = await currentRole(tx, access.shopId, userId);
    if (previous === "ADMIN") await assertAnotherAdminRemains(tx, access.shopId, userId);
    await tx.membership.delete({ where: { userId_shopId: { userId, shopId: access.shopId } } });
    await recordAudit(tx, {
      actorId: access.actor.id,
      shopId: access.shopId,
      action: "member.remove",
      targetType: "user",
      targetId: userId,
      details: { role: previous },
    });
  });
}
