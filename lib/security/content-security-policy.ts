// The pages' Content-Security-Policy, made per request by proxy.ts. Scripts run only with
// this response's nonce ('strict-dynamic' lets them load Next's chunks), so an injected
// <script> or inline handler does nothing. Next.js reads the nonce back from the request's
// CSP header and puts it on its own scripts; that needs dynamic rendering, which every
// page already has (the locale comes from a cookie in the root layout).
// Route handlers and static files get the fixed policy of next.config.mjs instead.

/** 128 random bits, base64: new for every response, unguessable. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function pageContentSecurityPolicy({ nonce, https, dev = false }: { nonce: string; https: boolean; dev?: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Development only: React rebuilds call stacks with eval.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Inline styles stay allowed: React, Radix (popper positions) and Recharts (SVG sizes)
    // render style="" attributes, which a nonce cannot cover. Styles cannot run code, and
    // img-src/font-src/connect-src keep CSS from sending data to another site.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  // Over plain http (npm start on loopback) this would send the browser to https.
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}
