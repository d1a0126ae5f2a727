"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { actionClient } from "@/lib/actions/safe-action";
import { LOCALE_COOKIE, LOCALES } from "./config";

export const setLocaleAction = actionClient
  .inputSchema(z.object({ locale: z.enum(LOCALES) }))
  .action(async ({ parsedInput }) => {
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
    return { locale: parsedInput.locale };
  });
