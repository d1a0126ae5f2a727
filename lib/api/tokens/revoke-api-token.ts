import "server-only";
import type { Db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";

/** Revocation is immediate and final: the next request with the token gets 401. */
export async function revokeApiToken(db: Db, { access, tokenId }: { access: ShopAccess; tokenId: string }): Promise<{ id: string; revokedAt: Date }> {
  const token = await db.apiToken.findFirst({ where: { id: tokenId, shopId: access.shopId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
  // Another shop's token is not found, like a missing one.
  if (!token) throw new AppError("NOT_FOUND", { message: `No API token ${tokenId} in shop ${access.shopId}` });
  if (token.revokedAt) throw new AppError("INVALID_STATE", { message: `API token ${tokenId} is already revoked` });
  const revokedAt = new Date();
  const revoked = await db.$transaction(async (tx) => {
    // Conditional: of two revocations at once, one writes the row and the audit.
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId: access.actor.id,
      shopId: access.shopId,
      action: "apiToken.revoke",
      targetType: "apiToken",
      targetId: token.id,
      details: { name: token.name, prefix: token.prefix },
    });
    return true;
  });
  if (!revoked) throw new AppError("INVALID_STATE", { message: `API token ${tokenId} is already revoked` });
  return { id: token.id, revokedAt };
}
