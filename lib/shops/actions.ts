"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedActionClient } from "@/lib/actions/safe-action";
import { createShop } from "./create-shop";
import { updateShop } from "./update-shop";
import { setShopDisabled } from "./set-shop-disabled";
import { ZCreateShopInput, ZSetShopDisabledInput, ZUpdateShopInput } from "./schemas";
import { CURRENT_SHOP_COOKIE } from "./current-shop";
import { testShopConnection } from "./test-connection";

export const createShopAction = authedActionClient.inputSchema(ZCreateShopInput).action(async ({ parsedInput, ctx }) => {
  await ctx.authorizeAnyShop("shop.manage");
  const shop = await createShop({ actor: ctx.actor, input: parsedInput });
  revalidatePath("/", "layout");
  return { shopId: shop.id };
});

export const updateShopAction = authedActionClient.inputSchema(ZUpdateShopInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("shop.manage", parsedInput.shopId);
  await updateShop({ access, input: parsedInput });
  revalidatePath("/", "layout");
  return { shopId: parsedInput.shopId };
});

export const setShopDisabledAction = authedActionClient.inputSchema(ZSetShopDisabledInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("shop.manage", parsedInput.shopId);
  await setShopDisabled({ access, disabled: parsedInput.disabled });
  revalidatePath("/", "layout");
  return { shopId: parsedInput.shopId, disabled: parsedInput.disabled };
});

/** The shop switcher: any member may look at a shop of theirs. */
export const selectShopAction = authedActionClient
  .inputSchema(z.object({ shopId: z.string().min(1) }))
  .action(async ({ parsedInput, ctx }) => {
    await ctx.authorizeShop("orders.read", parsedInput.shopId);
    (await cookies()).set(CURRENT_SHOP_COOKIE, parsedInput.shopId, { path: "/", sameSite: "lax", httpOnly: true });
    revalidatePath("/", "layout");
    return { shopId: parsedInput.shopId };
  });

export const testShopConnectionAction = authedActionClient
  .inputSchema(z.object({ shopId: z.string().min(1) }))
  .action(async ({ parsedInput, ctx }) => {
    const access = await ctx.authorizeShop("shop.manage", parsedInput.shopId);
    return testShopConnection({ access });
  });
