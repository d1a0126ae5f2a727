import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, generateEncryptionKey, parseEncryptionKey } from "./secret-box";
import { AppError } from "@/lib/errors/app-error";

const key = parseEncryptionKey(generateEncryptionKey());

describe("secret box (AES-256-GCM)", () => {
  it("round-trips, including non-ASCII text", () => {
    const secret = "mot-de-passe é€ 🔐";
    expect(decryptSecret(encryptSecret(secret, "shop:1", key), "shop:1", key)).toBe(secret);
  });

  it("never contains the plaintext and differs at each encryption", () => {
    const a = encryptSecret("hunter2-hunter2", "shop:1", key);
    const b = encryptSecret("hunter2-hunter2", "shop:1", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("hunter2");
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("refuses another context (a password copied to another shop)", () => {
    const sealed = encryptSecret("secret", "shop:1", key);
    expect(() => decryptSecret(sealed, "shop:2", key)).toThrow(AppError);
  });

  it("refuses another key", () => {
    const sealed = encryptSecret("secret", "shop:1", key);
    expect(() => decryptSecret(sealed, "shop:1", parseEncryptionKey(generateEncryptionKey()))).toThrow(/cannot be decrypted/);
  });

  it("detects tampering", () => {
    const [v, iv, tag, ct] = encryptSecret("secret", "shop:1", key).split(".");
    const flipped = Buffer.from(ct!, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."), "shop:1", key)).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("not-an-envelope", "shop:1", key)).toThrow(/unknown format/);
  });

  it("requires a 32-byte key and says so without revealing it", () => {
    expect(() => parseEncryptionKey(undefined)).toThrow(/DESK_ENCRYPTION_KEY is not set/);
    expect(() => parseEncryptionKey(Buffer.alloc(16).toString("base64"))).toThrow(/must be 32 bytes/);
  });
});
