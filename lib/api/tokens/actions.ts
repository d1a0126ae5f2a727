"use server";
// The admin's API tokens: permission first (shop.manage), then the use case.
import { revalidatePath } from "next/cache";
import { authedActionClient } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from "./schemas";

export const createApiTokenAction = authedActionClient.inputSchema(ZCreateApiTokenInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("shop.manage", parsedInput.shopId);
  const created = await createApiToken(db, { access, input: parsedInput });
  revalidatePath(`/admin/shops/${parsedInput.shopId}`);
  return { id: created.id, name: created.name, token: created.token };
});

export const revokeApiTokenAction = authedActionClient.inputSchema(ZRevokeApiTokenInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("shop.manage", parsedInput.shopId);
  await revokeApiToken(db, { access, tokenId: parsedInput.tokenId });
  revalidatePath(`/admin/shops/${parsedInput.shopId}`);
  return { id: parsedInput.tokenId };
});
