"use server";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { actionClient } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors/app-error";
import { SignInLocked, signIn, signOut } from "./auth";
import { SIGN_IN_PATH } from "./auth.config";

// Only same-site paths: a crafted callback URL must not send the user elsewhere.
const safeRedirect = (value: string | undefined) => (value && value.startsWith("/") && !value.startsWith("//") ? value : "/");

export const signInAction = actionClient
  .inputSchema(z.object({ email: z.string().max(320), password: z.string().max(200), callbackUrl: z.string().max(2000).optional() }))
  .action(async ({ parsedInput }) => {
    try {
      await signIn("credentials", {
        email: parsedInput.email,
        password: parsedInput.password,
        redirectTo: safeRedirect(parsedInput.callbackUrl),
      });
    } catch (error) {
      if (error instanceof SignInLocked) {
        const minutes = Math.ceil(error.retryAfterMs / 60_000);
        throw new AppError("RATE_LIMITED", { message: "Sign-in locked", userMessage: (await getTranslations("security"))("signInLocked", { minutes }) });
      }
      // Same answer for an unknown email and a wrong password.
      if (error instanceof AuthError) throw new AppError("INVALID_CREDENTIALS", { message: "Bad credentials" });
      throw error; // the redirect after a successful sign-in
    }
  });

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: SIGN_IN_PATH });
}
