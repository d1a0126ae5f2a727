// The admin's token forms. Messages are i18n keys under "validation".
import { z } from "zod";

export const ZCreateApiTokenInput = z.object({
  shopId: z.string().min(1),
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
});
export type CreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>;

export const ZRevokeApiTokenInput = z.object({
  shopId: z.string().min(1),
  tokenId: z.string().min(1),
});
export type RevokeApiTokenInput = z.infer<typeof ZRevokeApiTokenInput>;
