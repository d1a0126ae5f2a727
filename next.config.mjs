import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Security headers that are the same on every response: pages, route handlers, static
// files. Pages get their Content-Security-Policy, with a script nonce, from proxy.ts.
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // No address of the desk (order ids in paths) leaves it, e.g. for a carrier's tracking page.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
// Route handlers answer JSON or CSV, never a document that should run or embed anything.
const NON_PAGE_CSP = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];
// Only when the reverse proxy says the request came over https: browsers ignore HSTS over http.
const HSTS = [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // npm test type-checks the whole project (tsc) before it builds: the build's own check
  // would only repeat it.
  typescript: { ignoreBuildErrors: process.env.DESK_TYPES_CHECKED === "1" },
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  // Native and driver packages stay as Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: NON_PAGE_CSP },
      { source: "/_next/static/:path*", headers: NON_PAGE_CSP },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: HSTS },
    ];
  },
};

export default withNextIntl(nextConfig);
