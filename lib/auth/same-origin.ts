// Route handlers that change something and rely on the session cookie refuse cross-site
// requests (server actions get this check from Next.js itself).
import { AppError } from "@/lib/errors/app-error";

export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    // "null" (sandboxed frames, some redirects) or garbage: not this site.
  }
  const sameOrigin = origin ? originHost === host : site === "same-origin" || site === null;
  if (!sameOrigin) throw new AppError("FORBIDDEN", { message: "Cross-site request refused" });
}
