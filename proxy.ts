// Every page gets its Content-Security-Policy here (a fresh script nonce per response) and
// needs a signed-in user, except sign-in itself. Route handlers and server actions
// re-check through lib/auth/authorize.ts: they are public POST endpoints. The headers
// that do not change per response come from next.config.mjs, on every path.
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { SIGN_IN_PATH, authConfig } from "@/lib/auth/auth.config";
import { createNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";

const { auth } = NextAuth(authConfig);

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export default auth((request) => {
  const csp = pageContentSecurityPolicy({ nonce: createNonce(), https: isHttps(request), dev: process.env.NODE_ENV === "development" });
  let response: NextResponse;
  if (!request.auth?.user && request.nextUrl.pathname !== SIGN_IN_PATH) {
    const signInUrl = request.nextUrl.clone();
    signInUrl.pathname = SIGN_IN_PATH;
    signInUrl.search = "";
    signInUrl.searchParams.set("callbackUrl", request.nextUrl.href);
    response = NextResponse.redirect(signInUrl);
  } else {
    // Next.js takes the nonce for its own scripts from the request's CSP header.
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

export const config = {
  // Route handlers answer for themselves (401/403 as JSON), they are not redirected;
  // static files carry no script to protect.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
