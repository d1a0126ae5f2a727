// Who is calling the REST API: a shop's token, sent as `Authorization: Bearer cdod_…`.
// Nothing else authenticates here -- a session cookie is ignored, so a page on another
// site cannot make a signed-in seller's browser call the API.
//
// A token acts as the admin who created it, through the desk's one authorization rule
// (lib/auth/access.ts): its creator must still be an active user and a member of the
// token's shop with the permission asked for. So a token stops working when it is
// revoked, when its creator is disabled or leaves the shop (401), and cannot act when its
// creator's role no longer may (403).
import "server-only";
import { db } from "@/lib/db/client";
import { actorAccess, type Actor, type ShopAccess } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { hashApiToken, looksLikeApiToken, sameTokenHash } from "./tokens/token-secret";

export interface ApiCaller {
  shopId: string;
  tokenId: string;
  tokenName: string;
  /** The token's creator, in whose name it acts. */
  actor: Actor;
  access: ShopAccess;
}

/** lastUsedAt is written at most this often per token: a busy importer is not a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function unauthenticated(message: string): AppError {
  return new AppError("UNAUTHENTICATED", { message, userMessage: "A valid API token is required: Authorization: Bearer cdod_…" });
}

export async function authenticateApiRequest(request: Request, permission: Permission = "orders.read"): Promise<ApiCaller> {
  const bearer = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!bearer) throw unauthenticated("No bearer token");
  if (!looksLikeApiToken(bearer)) throw unauthenticated("Malformed API token");
  const tokenHash = hashApiToken(bearer);
  const token = await db.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, shopId: true, name: true, tokenHash: true, revokedAt: true, lastUsedAt: true, createdBy: { select: { id: true, email: true, name: true, disabledAt: true } } },
  });
  if (!token || !sameTokenHash(token.tokenHash, tokenHash)) throw unauthenticated("Unknown API token");
  if (token.revokedAt) throw unauthenticated(`API token ${token.id} is revoked`);
  if (token.createdBy.disabledAt) throw unauthenticated(`API token ${token.id}: its creator is disabled`);

  const actor: Actor = { id: token.createdBy.id, email: token.createdBy.email, name: token.createdBy.name };
  let access: ShopAccess;
  try {
    access = await actorAccess(actor, permission, { shopId: token.shopId });
  } catch (error) {
    // The creator left the shop: the token goes with them.
    if (AppError.is(error, "NOT_FOUND")) throw unauthenticated(`API token ${token.id}: its creator is no longer a member of shop ${token.shopId}`);
    throw error;
  }
  await touch(token.id, token.lastUsedAt);
  return { shopId: token.shopId, tokenId: token.id, tokenName: token.name, actor, access };
}

async function touch(tokenId: string, lastUsedAt: Date | null): Promise<void> {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await db.apiToken.updateMany({
    where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
}
