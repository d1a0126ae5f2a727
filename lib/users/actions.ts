"use server";
import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { authedActionClient } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors/app-error";
import { addMember } from "./add-member";
import { removeMember, setMemberRole } from "./change-membership";
import { ZAddMemberInput, ZRemoveMemberInput, ZSetMemberRoleInput } from "./schemas";

export const addMemberAction = authedActionClient.inputSchema(ZAddMemberInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("users.manage", parsedInput.shopId);
  try {
    const result = await addMember({ access, input: parsedInput });
    revalidatePath(`/admin/shops/${parsedInput.shopId}`);
    return result;
  } catch (error) {
    if (AppError.is(error, "INVALID_INPUT") && error.fieldErrors) {
      const formatted = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, errors]) => [field, { _errors: errors }]));
      returnValidationErrors(ZAddMemberInput, formatted);
    }
    throw error;
  }
});

export const setMemberRoleAction = authedActionClient.inputSchema(ZSetMemberRoleInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("users.manage", parsedInput.shopId);
  await setMemberRole({ access, userId: parsedInput.userId, role: parsedInput.role });
  revalidatePath(`/admin/shops/${parsedInput.shopId}`);
  return { userId: parsedInput.userId, role: parsedInput.role };
});

export const removeMemberAction = authedActionClient.inputSchema(ZRemoveMemberInput).action(async ({ parsedInput, ctx }) => {
  const access = await ctx.authorizeShop("users.manage", parsedInput.shopId);
  await removeMember({ access, userId: parsedInput.userId });
  revalidatePath(`/admin/shops/${parsedInput.shopId}`);
  return { userId: parsedInput.userId };
});
