// Secrets at rest (Cdiscount API passwords): AES-256-GCM with a 32-byte key from the
// environment (DESK_ENCRYPTION_KEY, base64). The envelope is versioned so the key can
// be rotated later: "v1.<iv>.<tag>.<ciphertext>", each part base64url.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

const VERSION = "v1";
const IV_BYTES = 12;
const KEY_BYTES = 32;

export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

export function parseEncryptionKey(value: string | undefined): Buffer {
  if (!value) {
    throw new AppError("CONFIGURATION", { message: "DESK_ENCRYPTION_KEY is not set (npm start generates one in .env.local)" });
  }
  const key = Buffer.from(value, "base64");
  if (key.length !== KEY_BYTES) {
    throw new AppError("CONFIGURATION", { message: `DESK_ENCRYPTION_KEY must be ${KEY_BYTES} bytes, base64-encoded` });
  }
  return key;
}

function keyFromEnv(): Buffer {
  return parseEncryptionKey(process.env.DESK_ENCRYPTION_KEY);
}

/** `context` binds the ciphertext to its use (e.g. a shop id), so it cannot be moved elsewhere. */
export function encryptSecret(plaintext: string, context: string, key: Buffer = keyFromEnv()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(envelope: string, context: string, key: Buffer = keyFromEnv()): string {
  const [version, iv, tag, ciphertext, ...rest] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new AppError("CONFIGURATION", { message: "Encrypted secret has an unknown format" });
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new AppError("CONFIGURATION", {
      message: "Encrypted secret cannot be decrypted: wrong DESK_ENCRYPTION_KEY or tampered data",
      cause,
    });
  }
}
