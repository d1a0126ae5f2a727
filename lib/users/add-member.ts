import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import type { ShopAccess } from "@/lib/auth/access";
import type { AddMemberInput } from "./schemas";

export async function addMember({ access, input }: { access: ShopAccess; input: AddMemberInput }): Promise<{ userId: string; created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!existing && (!input.name || !input.password)) {
    throw new AppError("INVALID_INPUT", {
      message: "New account needs a name and a password",
      fieldErrors: { ...(input.name ? {} : { name: ["requiredForNewAccount"] }), ...(input.password ? {} : { password: ["requiredForNewAccount"] }) },
    });
  }
  const passwordHash = existing ? null : await hashPassword(input.password!);
  // Two admins adding the same new address at once: the second one is told it is done.
  return db
    .$transaction(async (tx) => {
      const userId = existing?.id ?? (await tx.user.create({ data: { email: input.email, name: input.name!, passwordHash: passwordHash! }, select: { id: true } })).id;
      const already = await tx.membership.findUnique({ where: { userId_shopId: { userId, shopId: access.shopId } }, select: { id: true } });
      if (already) throw new AppError("CONFLICT", { message: "Already a member of this shop" });
      await tx.membership.create({ data: { userId, shopId: access.shopId, role: input.role } });
      await recordAudit(tx, {
        actorId: access.actor.id,
        shopId: access.shopId,
        action: "member.add",
        targetType: "user",
        targetId: userId,
        details: { email: input.email, role: input.role, accountCreated: !existing },
      });
      return { userId, created: !existing };
    })
    .catch((error: unknown) => {
      if ((error as { code?: string })?.code === "P2002") throw new AppError("CONFLICT", { message: "Account or membership created concurrently", cause: error });
      throw error;
    });
}
