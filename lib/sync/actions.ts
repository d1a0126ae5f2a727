"use server";
import { z } from "zod";
import { authedActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { getSyncStatus } from "./status";
import { startManualSync } from "./manual";

/** "Sync now": starts a run in the background and returns at once; the UI polls the status. */
export const syncNowAction = authedActionClient.inputSchema(z.object({ shopId: z.string().min(1) })).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("orders.read", parsedInput.shopId);
  await startManualSync(access.shopId, access.actor.id);
  return getSyncStatus(db, access.shopId);
});
