// What the audit log's filters offer: the actions recorded in the given shops, and the
// people who acted there (members now, or authors of a recorded action).
import "server-only";
import type { Db } from "@/lib/db/client";

export interface AuditFacets {
  actions: string[];
  actors: { id: string; name: string; email: string }[];
}

export async function listAuditFacets(db: Db, { shopIds }: { shopIds: readonly string[] }): Promise<AuditFacets> {
  if (!shopIds.length) return { actions: [], actors: [] };
  const [actions, authors, members] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], where: { shopId: { in: [...shopIds] } } }),
    db.auditLog.groupBy({ by: ["actorId"], where: { shopId: { in: [...shopIds] }, actorId: { not: null } } }),
    db.membership.findMany({ where: { shopId: { in: [...shopIds] } }, select: { userId: true } }),
  ]);
  const ids = [...new Set([...authors.map((a) => a.actorId!), ...members.map((m) => m.userId)])];
  const actors = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }] });
  // Sorted here: PostgreSQL's linguistic collation would order "orders.export" among "order.*".
  return { actions: actions.map((a) => a.action).sort(), actors };
}
