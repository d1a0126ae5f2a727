import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server Components; tests run on plain Node.
      "server-only": fileURLToPath(new URL("./lib/testing/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "components/**/*.test.ts?(x)"],
    // next-auth imports "next/server" without an extension, which Node's resolver refuses:
    // Vite resolves it, so tests can load the real Auth.js (the fuzzed sign-in action).
    server: { deps: { inline: ["next-auth"] } },
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
