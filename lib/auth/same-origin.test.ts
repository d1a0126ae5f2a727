import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/shops/s1/sync", { method: "POST", headers });
const refused = (headers: Record<string, string>) => {
  try {
    assertSameOrigin(post(headers));
  } catch (error) {
    return AppError.is(error, "FORBIDDEN");
  }
  return false;
};

describe("same-origin check of cookie-authenticated route handlers", () => {
  it("accepts the desk's own pages", () => {
    expect(refused({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBe(false);
    expect(refused({ host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" })).toBe(false);
    // Behind a reverse proxy: the public host comes in X-Forwarded-Host.
    expect(refused({ host: "127.0.0.1:3000", "x-forwarded-host": "desk.example.fr", origin: "https://desk.example.fr" })).toBe(false);
  });

  it("refuses another site, a sandboxed frame and a malformed origin", () => {
    expect(refused({ host: "127.0.0.1:3000", origin: "https://evil.example" })).toBe(true);
    expect(refused({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" })).toBe(true);
    expect(refused({ host: "127.0.0.1:3000", origin: "null" })).toBe(true);
    expect(refused({ host: "127.0.0.1:3000", origin: "not a url" })).toBe(true);
    expect(refused({ host: "127.0.0.1:3000", "x-forwarded-host": "desk.example.fr", origin: "http://127.0.0.1:3000" })).toBe(true);
  });

  it("without Origin, trusts only what the browser says about the site", () => {
    expect(refused({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" })).toBe(true);
    expect(refused({ host: "127.0.0.1:3000", "sec-fetch-site": "same-site" })).toBe(true);
    // No browser headers at all: a script or curl, which carries no victim's cookies.
    expect(refused({ host: "127.0.0.1:3000" })).toBe(false);
  });
});
