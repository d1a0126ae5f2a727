"use server";
// The queue's own actions: saved views (per user), and "select every order matching
// this filter" for bulk decisions. Reading orders needs orders.read in the shops read.
import { z } from "zod";
import { authedActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { MAX_BULK_DECISION_ORDERS } from "@/lib/order-actions/schemas";
import { authorizeQueue } from "./queue-access";
import { listQueue } from "./queue";
import { changeQueueParams, parseQueueParams } from "./queue-params";
import { deleteView, listSavedViews, saveView } from "./saved-views";

const ZSaveViewInput = z.object({ name: z.string().trim().min(1, "required").max(60, "tooLong"), query: z.string().max(2_000, "tooLong") });

export const saveViewAction = authedActionClient.inputSchema(ZSaveViewInput).action(async ({ parsedInput, ctx }) => {
  await ctx.authorizeAnyShop("orders.read");
  await saveView(db, { actor: ctx.actor, ...parsedInput });
  return { views: await listSavedViews(db, ctx.actor.id) };
});

export const deleteViewAction = authedActionClient.inputSchema(z.object({ id: z.string().min(1) })).action(async ({ parsedInput, ctx }) => {
  await deleteView(db, { actor: ctx.actor, id: parsedInput.id });
  return { views: await listSavedViews(db, ctx.actor.id) };
});

/** Up to MAX_BULK_DECISION_ORDERS orders of the filter that allow `decision`, with their shop. */
export const matchingOrdersAction = authedActionClient
  .inputSchema(z.object({ query: z.string().max(2_000), decision: z.enum(["accept", "refuse"]) }))
  .action(async ({ parsedInput }) => {
    const params = changeQueueParams(parseQueueParams(new URLSearchParams(parsedInput.query)), { size: 100 });
    const { shopIds } = await authorizeQueue(params.shops);
    const matching: { id: string; shopId: string }[] = [];
    let page = await listQueue(db, { shopIds, params, now: new Date() });
    for (;;) {
      for (const row of page.rows) if (row.actions.includes(parsedInput.decision)) matching.push({ id: row.id, shopId: row.shopId });
      if (!page.nextCursor || matching.length >= MAX_BULK_DECISION_ORDERS) break;
      page = await listQueue(db, { shopIds, params: changeQueueParams(params, { after: page.nextCursor }), now: new Date() });
    }
    return { orders: matching.slice(0, MAX_BULK_DECISION_ORDERS), truncated: matching.length > MAX_BULK_DECISION_ORDERS || Boolean(page.nextCursor) };
  });
