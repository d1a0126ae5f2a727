// One schema per form, shared by the form (field messages) and the server action.
// Error messages are i18n keys under "validation".
import { z } from "zod";

export const SHOP_ENVIRONMENTS = ["SANDBOX", "PREPRODUCTION", "PRODUCTION"] as const;
export type ShopEnvironmentName = (typeof SHOP_ENVIRONMENTS)[number];

const ZShopFields = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  apiLogin: z.string().trim().min(1, "required").max(100, "tooLong").regex(/^\S+$/, "noSpaces"),
  environment: z.enum(SHOP_ENVIRONMENTS, "invalidChoice"),
  syncIntervalMinutes: z.coerce.number("syncInterval").int("syncInterval").min(1, "syncInterval").max(1440, "syncInterval"),
  initialImportDays: z.coerce.number("importDays").int("importDays").min(1, "importDays").max(90, "importDays"),
});

export const ZCreateShopInput = ZShopFields.extend({
  apiPassword: z.string().min(1, "required").max(200, "tooLong"),
});
export type CreateShopInput = z.infer<typeof ZCreateShopInput>;

export const ZUpdateShopInput = ZShopFields.extend({
  shopId: z.string().min(1),
  // Left blank, the stored password is kept: it is never sent back to the browser.
  apiPassword: z
    .string()
    .max(200, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type UpdateShopInput = z.infer<typeof ZUpdateShopInput>;

export const ZSetShopDisabledInput = z.object({ shopId: z.string().min(1), disabled: z.boolean() });
