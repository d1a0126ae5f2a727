// Puts a seller's action in the outbox: checked against the stored order, stored with
// exactly what will be sent, at most once per idempotency key and at most one open
// action per order. Sending is the dispatcher's job.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { AppError } from "@/lib/errors/app-error";
import { canonicalJson } from "@/lib/db/canonical-json";
import { canPerform, isDisplayedStatus, type SellerAction } from "@/lib/orders/status";
import { ACTION_KIND, ORDER_ACTION_EVENT } from "./action-kinds";
import { actionPayloadFor, ORDER_FOR_ACTION_SELECT, type ActionPayload } from "./action-payload";
import { OrderActionError } from "./problems";
import { orderNotFound } from "./queries";
import type { OrderActionInput } from "./schemas";

export interface EnqueueOrderActionOptions {
  access: ShopAccess;
  input: OrderActionInput;
  /** The bulk request the action belongs to (its idempotency key). */
  batchId?: string;
}

export interface EnqueuedAction {
  actionId: string;
  /** False when the request was a replay (same key) or joined the order's open action. */
  created: boolean;
}

interface ExistingAction {
  id: string;
  shopId: string;
  orderId: string | null;
  kind: string;
  payload: unknown;
}
const EXISTING_SELECT = { id: true, shopId: true, orderId: true, kind: true, payload: true } as const;

export async function enqueueOrderAction(db: Db, { access, input, batchId }: EnqueueOrderActionOptions): Promise<EnqueuedAction> {
  // A replay is answered before the state guard: after a success the order has moved on,
  // and the second click must get the first one's action, not "invalid state".
  const replayed = await db.marketplaceAction.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: EXISTING_SELECT });
  if (replayed) return sameRequestOrThrow(replayed, access, input);

  const order = await findOrderForAction(db, access.shopId, input.orderId);
  if (!order) throw orderNotFound(input.orderId);
  try {
    return await enqueueFoundOrder(db, { access, input, batchId }, order);
  } catch (error) {
    // Refused before anything was sent: the audit log keeps the attempt and its reason.
    if (AppError.is(error) && error.code !== "INTERNAL") {
      await recordRefusal(db, { ...requestAudit(access, input, order), reason: error.message, details: { orderNumber: order.orderNumber, code: error.code, idempotencyKey: input.idempotencyKey } });
    }
    throw error;
  }
}

/** The audit row of a request, accepted or refused: who asked what of which order. */
function requestAudit(access: ShopAccess, input: OrderActionInput, order: { id: string }) {
  return { actorId: access.actor.id, shopId: access.shopId, action: `order.${input.action}.request`, targetType: "order", targetId: order.id };
}

type FoundOrder = NonNullable<Awaited<ReturnType<typeof findOrderForAction>>>;

function findOrderForAction(db: Db, shopId: string, orderId: string) {
  return db.order.findFirst({
    where: { id: orderId, shopId },
    select: { ...ORDER_FOR_ACTION_SELECT, shop: { select: { disabledAt: true } } },
  });
}

async function enqueueFoundOrder(db: Db, { access, input, batchId }: EnqueueOrderActionOptions, order: FoundOrder): Promise<EnqueuedAction> {
  if (order.shop.disabledAt) {
    throw new OrderActionError("INVALID_STATE", { key: "shopDisabled" }, { message: `Shop ${access.shopId} is disabled` });
  }
  if (!isDisplayedStatus(order.status) || !canPerform(order.status, input.action)) throw invalidState(order.orderNumber, order.status, input.action);
  const payload = actionPayloadFor(order, input);
  const kind = ACTION_KIND[input.action];

  // Nothing in this transaction throws on purpose: on SQLite every request shares one
  // connection, and a rollback would also undo what other requests wrote meanwhile.
  // The checks run inside it, serialized with every other transaction there.
  const insert = () =>
    db.$transaction(async (tx): Promise<EnqueuedAction | { existing: ExistingAction; reason: "replay" | "open" } | { movedTo: string }> => {
      const same = await tx.marketplaceAction.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: EXISTING_SELECT });
      if (same) return { existing: same, reason: "replay" };
      const open = await tx.marketplaceAction.findUnique({ where: { openOrderKey: order.id }, select: EXISTING_SELECT });
      if (open) return { existing: open, reason: "open" };
      // Another tab's action may have just completed and moved the order on.
      const { status } = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
      if (!isDisplayedStatus(status) || !canPerform(status, input.action)) return { movedTo: status };
      const action = await tx.marketplaceAction.create({
        data: {
          shopId: access.shopId,
          orderId: order.id,
          kind,
          idempotencyKey: input.idempotencyKey,
          payload: payload as unknown as Prisma.InputJsonValue,
          requestedById: access.actor.id,
          openOrderKey: order.id,
          batchId: batchId ?? null,
        },
        select: { id: true },
      });
      await tx.orderEvent.create({
        data: {
          orderId: order.id,
          kind: ORDER_ACTION_EVENT.requested,
          occurredAt: new Date(),
          fromStatus: order.status,
          actorId: access.actor.id,
          data: { actionId: action.id, action: input.action, ...requestSummary(payload) },
        },
      });
      await recordAudit(tx, {
        ...requestAudit(access, input, order),
        details: { orderNumber: order.orderNumber, actionId: action.id, idempotencyKey: input.idempotencyKey, ...requestSummary(payload) },
      });
      return { actionId: action.id, created: true };
    });

  let inserted: Awaited<ReturnType<typeof insert>>;
  try {
    inserted = await insert();
  } catch (error) {
    // PostgreSQL runs transactions side by side: the unique keys settle the race there.
    if ((error as { code?: string })?.code !== "P2002") throw error;
    inserted = await insert();
  }
  if ("actionId" in inserted) return inserted;
  if ("movedTo" in inserted) throw invalidState(order.orderNumber, inserted.movedTo, input.action);
  // The same request twice (double click, retry), or another open action on this order (two tabs).
  return inserted.reason === "replay" ? sameRequestOrThrow(inserted.existing, access, input) : joinOpenActionOrThrow(inserted.existing, kind, payload, order.orderNumber);
}

function invalidState(orderNumber: string, status: string, action: SellerAction): OrderActionError {
  return new OrderActionError("INVALID_STATE", { key: "invalidState", values: { status } }, { message: `Cannot ${action} order ${orderNumber} in status ${status}` });
}

function sameRequestOrThrow(existing: ExistingAction, access: ShopAccess, input: OrderActionInput): EnqueuedAction {
  // A replay must be the same request: a key sent again with other tracking or refund
  // lines would otherwise get the first outcome while its new data is silently dropped.
  const sameRequest = canonicalJson(requestSummary(existing.payload as ActionPayload)) === canonicalJson(requestOf(input));
  if (existing.shopId !== access.shopId || existing.orderId !== input.orderId || existing.kind !== ACTION_KIND[input.action] || !sameRequest) {
    throw new OrderActionError("CONFLICT", { key: "idempotencyKeyReused" }, { message: `Idempotency key ${input.idempotencyKey} belongs to another action` });
  }
  return { actionId: existing.id, created: false };
}

/** Two tabs asking for the same thing get one marketplace call; anything else waits its turn. */
function joinOpenActionOrThrow(open: ExistingAction, kind: string, payload: ActionPayload, orderNumber: string): EnqueuedAction {
  if (open.kind === kind && canonicalJson(open.payload) === canonicalJson(payload)) return { actionId: open.id, created: false };
  throw new OrderActionError("CONFLICT", { key: "actionInProgress" }, { message: `Order ${orderNumber} already has an open action ${open.id}` });
}

/** The same summary, read from a request's input (what its payload would carry). */
function requestOf(input: OrderActionInput): Prisma.InputJsonObject {
  if (input.action === "refund") return { lines: [...new Set(input.lines)], motive: input.motive, refundShippingCharges: input.refundShippingCharges };
  if (input.action !== "ship") return {};
  return { carrierName: input.carrierName ?? null, trackingNumber: input.trackingNumber ?? null, trackingUrl: input.trackingUrl ?? null };
}

/** What the timeline and the audit keep of a request: the shipment or the refunded lines. */
function requestSummary(payload: ActionPayload): Prisma.InputJsonObject {
  if ("sellerRefunds" in payload) {
    const first = payload.sellerRefunds[0];
    return { lines: payload.sellerRefunds.map((r) => r.sellerProductId), motive: first?.motive ?? null, refundShippingCharges: first?.refundShippingCharges ?? false };
  }
  if (payload.orderState !== "Shipped") return {};
  return { carrierName: payload.carrierName ?? null, trackingNumber: payload.trackingNumber ?? null, trackingUrl: payload.trackingUrl ?? null };
}
