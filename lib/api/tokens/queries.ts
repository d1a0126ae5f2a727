// The admin page's list of a shop's tokens: never the hash, only the displayed prefix.
import "server-only";
import type { Db } from "@/lib/db/client";

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiTokens(db: Db, shopId: string): Promise<ApiTokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: { shopId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy.name,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
