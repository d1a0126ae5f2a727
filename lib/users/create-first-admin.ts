// A production installation starts empty: no demo users. Its first account is made from
// the command line (npm run setup), with the shop it administers; everyone else is then
// invited from the desk. Refused once any account exists, so it can never be used to
// slip an admin into a running installation.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { MIN_PASSWORD_LENGTH, hashPassword } from "@/lib/auth/password";
import { createShop } from "@/lib/shops/create-shop";
import { ZCreateShopInput } from "@/lib/shops/schemas";

export const ZFirstAdminInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("email")),
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(200, "tooLong"),
  shop: ZCreateShopInput,
});
export type FirstAdminInput = z.input<typeof ZFirstAdminInput>;

export async function createFirstAdmin(raw: FirstAdminInput): Promise<{ userId: string; shopId: string }> {
  const parsed = ZFirstAdminInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", { message: "Invalid first admin", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
  }
  const input = parsed.data;
  if ((await db.user.count()) > 0) throw new AppError("CONFLICT", { message: "This installation already has accounts: invite more people from the desk (Shops → Manage)." });
  const user = await db.user.create({ data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) }, select: { id: true, email: true, name: true } });
  const shop = await createShop({ actor: user, input: input.shop });
  return { userId: user.id, shopId: shop.id };
}
