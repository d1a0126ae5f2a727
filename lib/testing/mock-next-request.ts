// Imported first by a test file that calls server actions or session route handlers: routes
// Next's request-scoped modules to the stand-ins of request-scope.ts before anything loads
// them. Auth.js stays real but for auth(), which reads the test's session.
import { vi } from "vitest";

vi.mock("next/headers", () => import("./request-scope"));
vi.mock("next/cache", () => import("./request-scope"));
vi.mock("next-intl/server", () => import("./request-scope"));
vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: (await import("./request-scope")).auth }));
