// Internal notes on an order: for the desk's team, never sent to Cdiscount.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { orderNotFound } from "./queries";
import type { AddOrderNoteInput } from "./schemas";

export async function addOrderNote(db: Db, { access, input }: { access: ShopAccess; input: AddOrderNoteInput }): Promise<{ noteId: string }> {
  const order = await db.order.findFirst({ where: { id: input.orderId, shopId: access.shopId }, select: { id: true, orderNumber: true } });
  if (!order) throw orderNotFound(input.orderId);
  return db.$transaction(async (tx) => {
    const note = await tx.orderNote.create({ data: { orderId: order.id, authorId: access.actor.id, body: input.body }, select: { id: true } });
    await recordAudit(tx, {
      actorId: access.actor.id,
      shopId: access.shopId,
      action: "order.note.add",
      targetType: "order",
      targetId: order.id,
      details: { orderNumber: order.orderNumber, noteId: note.id },
    });
    return { noteId: note.id };
  });
}
