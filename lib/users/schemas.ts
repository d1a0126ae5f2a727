import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

/** Adds an existing account to a shop, or creates the account (name and password then required). */
export const ZAddMemberInput = z.object({
  shopId: z.string().min(1),
  email: z.string().trim().toLowerCase().pipe(z.email("email")),
  name: optionalText(100),
  password: z
    .string()
    .max(200, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= MIN_PASSWORD_LENGTH, "passwordTooShort"),
  role: z.enum(ROLES, "invalidChoice"),
});
export type AddMemberInput = z.infer<typeof ZAddMemberInput>;

export const ZSetMemberRoleInput = z.object({
  shopId: z.string().min(1),
  userId: z.string().min(1),
  role: z.enum(ROLES, "invalidChoice"),
});
export type SetMemberRoleInput = z.infer<typeof ZSetMemberRoleInput>;

export const ZRemoveMemberInput = z.object({ shopId: z.string().min(1), userId: z.string().min(1) });
