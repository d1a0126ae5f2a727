// Auth.js's own routes (/api/auth/*). The desk signs in and out through server actions,
// which call Auth.js in-process; these routes stay for Auth.js's standard endpoints.
// Auth.js answers a callback URL it cannot read -- the callbackUrl parameter or its
// callback-url cookie holding "x" or " /orders" -- with a 500 "server configuration"
// error, so any visitor could make the server fail: such a value is dropped here, and the
// request is answered as if it had none.
import { NextRequest } from "next/server";
import { handlers } from "./auth";

const CALLBACK_URL_COOKIE = /(^|\.)authjs\.callback-url$/;

/** Auth.js's own rule (@auth/core, assert.ts): an http(s) URL, or a path on this origin. */
function readableCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

async function withoutUnreadableCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const { origin } = request.nextUrl;
  const query = request.nextUrl.searchParams.get("callbackUrl");
  const badCookies = request.cookies
    .getAll()
    .filter((c) => CALLBACK_URL_COOKIE.test(c.name) && !readableCallbackUrl(c.value, origin))
    .map((c) => c.name);
  const badQuery = query !== null && !readableCallbackUrl(query, origin);
  if (!badQuery && badCookies.length === 0) return request;
  const url = request.nextUrl.clone();
  if (badQuery) url.searchParams.delete("callbackUrl");
  const headers = new Headers(request.headers);
  const cookies = (request.headers.get("cookie") ?? "").split(";").filter((pair) => !badCookies.includes(pair.split("=", 1)[0]!.trim()));
  headers.set("cookie", cookies.join(";"));
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers, body });
}

export const authRouteHandlers = {
  GET: async (request: NextRequest) => handlers.GET(await withoutUnreadableCallbackUrl(request)),
  POST: async (request: NextRequest) => handlers.POST(await withoutUnreadableCallbackUrl(request)),
};
