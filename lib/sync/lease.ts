// One syncer per shop at a time, even across app instances: a lease row in the database,
// taken and renewed by conditional UPDATEs that both SQLite and PostgreSQL run atomically.
import type { Db } from "@/lib/db/client";

export async function acquireLease(db: Db, shopId: string, owner: string, ttlMs: number, now = new Date()): Promise<boolean> {
  await db.syncState.upsert({ where: { shopId }, create: { shopId }, update: {} }).catch((error: unknown) => {
    // Two instances creating the row at once: the other one won, which is fine.
    if ((error as { code?: string })?.code !== "P2002") throw error;
  });
  const { count } = await db.syncState.updateMany({
    where: { shopId, OR: [{ leaseOwner: null }, { leaseExpiresAt: { lt: now } }, { leaseOwner: owner }] },
    data: { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + ttlMs) },
  });
  return count === 1;
}

/** False when the lease was lost (expired and taken by another syncer). */
export async function renewLease(db: Db, shopId: string, owner: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const { count } = await db.syncState.updateMany({
    where: { shopId, leaseOwner: owner },
    data: { leaseExpiresAt: new Date(now.getTime() + ttlMs) },
  });
  return count === 1;
}

export async function releaseLease(db: Db, shopId: string, owner: string): Promise<void> {
  await db.syncState.updateMany({ where: { shopId, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } });
}
