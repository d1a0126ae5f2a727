import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { checkSignIn } from "./credentials";
import { clientIp } from "./client-ip";

/** Too many failed attempts (lib/auth/login-throttle.ts): refused before any password check. */
export class SignInLocked extends CredentialsSignin {
  // Auth.js puts the code in its sign-in page's URL: it says "locked", nothing about the account.
  override code = "locked";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // The one door for passwords, whether the sign-in form or a POST to
      // /api/auth/callback/credentials: the lock-out applies to both.
      async authorize(credentials, request) {
        const check = await checkSignIn(credentials, clientIp(request.headers));
        if (check.status === "locked") throw new SignInLocked(check.retryAfterMs);
        return check.status === "valid" ? check.user : null;
      },
    }),
  ],
});
