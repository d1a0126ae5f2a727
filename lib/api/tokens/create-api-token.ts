import "server-only";
import type { Db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateApiToken } from "./token-secret";
import type { CreateApiTokenInput } from "./schemas";

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  /** The secret itself: returned this once, to be shown once. */
  token: string;
}

/** A new token for the shop, acting as its creator; the audit row never holds the secret. */
export async function createApiToken(db: Db, { access, input }: { access: ShopAccess; input: Pick<CreateApiTokenInput, "name"> }): Promise<CreatedApiToken> {
  const { token, tokenHash, prefix } = generateApiToken();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { shopId: access.shopId, name: input.name, tokenHash, prefix, createdById: access.actor.id },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAudit(tx, {
      actorId: access.actor.id,
      shopId: access.shopId,
      action: "apiToken.create",
      targetType: "apiToken",
      targetId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return { ...row, token };
  });
}
