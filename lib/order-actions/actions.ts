"use server";
// The seller's order actions. Permission first: an order's shop is looked up, then the
// caller's right to act in it is checked -- an order of another shop is NOT_FOUND, like
// a missing one. Every action returns next-safe-action's one result shape.
import { revalidatePath } from "next/cache";
import { authedActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { addOrderNote } from "./add-order-note";
import { getShopCarriers } from "./carriers";
import { executeBulkShipment } from "./execute-bulk-shipment";
import { getOrderShopIdOrThrow } from "./queries";
import { runBulkDecision } from "./run-bulk-decision";
import { runOrderAction } from "./run-order-action";
import { ZAddOrderNoteInput, ZBulkDecisionInput, ZBulkShipInput, ZOrderActionInput, ZPlanBulkShipmentInput, ZShopInput } from "./schemas";
import { planBulkShipment, type ShipmentPlan } from "./shipment-csv";
import { orderActionMessages, withUserMessages, type OrderActionMessages } from "./user-messages";

// No revalidatePath here, unlike the rarer actions below: the seller's most frequent request
// would carry a re-render of the whole page it came from, which the browser does not use
// -- useOrderAction refetches the queue and the order itself (orderKeys.all) when the
// action settles. That re-render was a fifth of an action's server time (npm run bench:load).
export const orderActionAction = authedActionClient.inputSchema(ZOrderActionInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("orders.act", await getOrderShopIdOrThrow(db, parsedInput.orderId));
  const outcome = await withUserMessages(ZOrderActionInput, () => runOrderAction(db, { access, input: parsedInput }));
  return { ...outcome, message: (await orderActionMessages()).outcome(outcome) };
});

export const bulkDecisionAction = authedActionClient.inputSchema(ZBulkDecisionInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("orders.act", parsedInput.shopId);
  const outcomes = await runBulkDecision(db, { access, input: parsedInput });
  revalidatePath("/", "layout");
  const messages = await orderActionMessages();
  return { outcomes: outcomes.map((o) => ({ ...o, message: messages.outcome(o) })), summary: messages.bulkSummary(outcomes) };
});

/** The dry run: nothing is sent. */
export const planBulkShipmentAction = authedActionClient.inputSchema(ZPlanBulkShipmentInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("orders.act", parsedInput.shopId);
  return wordedPlan(await planBulkShipment(db, access.shopId, parsedInput.csvText), await orderActionMessages());
});

export const executeBulkShipmentAction = authedActionClient.inputSchema(ZBulkShipInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("orders.act", parsedInput.shopId);
  const { plan, outcomes } = await executeBulkShipment(db, { access, input: parsedInput });
  revalidatePath("/", "layout");
  const messages = await orderActionMessages();
  return {
    plan: wordedPlan(plan, messages),
    outcomes: outcomes.map(({ line, outcome }) => ({ line, ...outcome, message: messages.outcome(outcome) })),
    summary: messages.bulkSummary(outcomes.map((o) => o.outcome)),
  };
});

export const addOrderNoteAction = authedActionClient.inputSchema(ZAddOrderNoteInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("orders.act", await getOrderShopIdOrThrow(db, parsedInput.orderId));
  const note = await withUserMessages(ZAddOrderNoteInput, () => addOrderNote(db, { access, input: parsedInput }));
  revalidatePath("/", "layout");
  return note;
});

export const getCarriersAction = authedActionClient.inputSchema(ZShopInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("orders.act", parsedInput.shopId);
  return { carriers: await getShopCarriers(db, access.shopId) };
});

/** Problems worded for the table; field errors stay "validation" keys, as in every form. */
function wordedPlan(plan: ShipmentPlan, messages: OrderActionMessages) {
  return {
    validCount: plan.validCount,
    problems: plan.problems.map(messages.problem),
    rows: plan.rows.map((row) => ({ ...row, messages: row.problems.map(messages.problem) })),
  };
}
