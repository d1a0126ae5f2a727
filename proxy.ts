// Every page needs a signed-in user, except sign-in itself. Route handlers and server
// actions re-check through lib/auth/authorize.ts: they are public POST endpoints.
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth.config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  // Route handlers answer for themselves (401/403 as JSON), they are not redirected.
  matcher: ["/((?!sign-in|api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
