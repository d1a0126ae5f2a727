import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("client address", () => {
  it("takes the entry the nearest hop wrote: the last of X-Forwarded-For", () => {
    // What the client claimed first, then what nginx saw.
    expect(clientIp(new Headers({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("reads IPv4-mapped IPv6 as IPv4, falls back to X-Real-IP, and never returns nothing", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIp(new Headers({ "x-forwarded-for": " , " }))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
