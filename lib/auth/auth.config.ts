// The part of the Auth.js configuration the proxy needs: no database, no providers.
import type { NextAuthConfig } from "next-auth";
import { logger } from "@/lib/logging/logger";

export const SIGN_IN_PATH = "/sign-in";

const log = logger.child({ module: "auth" });

export const authConfig = {
  // Self-hosted behind no known URL (npm start on loopback, or a reverse proxy that
  // sets AUTH_URL): trust the Host header, as Auth.js documents for self-hosting.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: SIGN_IN_PATH },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace.
    error(error) {
      // Class names are minified in the production build; Auth.js errors carry a `type`.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      log.error({ err: error }, error.message);
    },
    warn(code) {
      log.warn({ code }, "Auth.js warning");
    },
    debug(message, metadata) {
      // Debug metadata may hold the submitted form: the logger scrubs it like any record.
      log.debug({ metadata }, message);
    },
  },
} satisfies NextAuthConfig;
