import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEncryptionKey } from "@/lib/crypto/secret-box";
import { ensureLocalEnv, parseEnvFile } from "./env-file";

const KEYS = ["AUTH_SECRET", "DESK_ENCRYPTION_KEY"] as const;

describe(".env.local secrets", () => {
  let dir: string;
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "desk-env-"));
    saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
    for (const k of KEYS) delete process.env[k];
  });
  afterEach(() => {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("generates a 32-byte encryption key once, into a file only its owner can read, and keeps it", () => {
    const file = path.join(dir, ".env.local");
    expect(ensureLocalEnv(file).generated).toEqual(["AUTH_SECRET", "DESK_ENCRYPTION_KEY"]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const first = parseEnvFile(readFileSync(file, "utf8"));
    expect(parseEncryptionKey(first.DESK_ENCRYPTION_KEY)).toHaveLength(32);
    expect(process.env.DESK_ENCRYPTION_KEY).toBe(first.DESK_ENCRYPTION_KEY);

    delete process.env.DESK_ENCRYPTION_KEY;
    expect(ensureLocalEnv(file).generated).toEqual([]);
    expect(process.env.DESK_ENCRYPTION_KEY).toBe(first.DESK_ENCRYPTION_KEY);
  });

  it("never replaces a key given by the environment or already in the file", () => {
    const file = path.join(dir, ".env.local");
    const key = Buffer.alloc(32, 3).toString("base64");
    writeFileSync(file, `DESK_ENCRYPTION_KEY=${key}\n`);
    process.env.AUTH_SECRET = "from-the-environment";
    expect(ensureLocalEnv(file).generated).toEqual([]);
    expect(process.env.DESK_ENCRYPTION_KEY).toBe(key);
    expect(readFileSync(file, "utf8")).toBe(`DESK_ENCRYPTION_KEY=${key}\n`);
  });
});
