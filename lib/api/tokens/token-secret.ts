// API tokens: 32 random bytes behind a recognisable prefix, so a leaked one is easy to
// spot (secret scanners, logs). Only the SHA-256 is stored: the token is unguessable,
// so a fast hash is enough, and a stolen database yields no usable token.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const API_TOKEN_PREFIX = "cdod_";
/** How much of the token the admin page shows to tell tokens apart. */
const DISPLAY_LENGTH = API_TOKEN_PREFIX.length + 6;
const TOKEN_FORMAT = /^cdod_[A-Za-z0-9_-]{43}$/;

export interface NewApiToken {
  /** Shown once, never stored. */
  token: string;
  tokenHash: string;
  prefix: string;
}

export function generateApiToken(): NewApiToken {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, DISPLAY_LENGTH) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return TOKEN_FORMAT.test(value);
}

/** Constant-time comparison of two hex digests. */
export function sameTokenHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, "hex"), Buffer.from(b, "hex")];
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
