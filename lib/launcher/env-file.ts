// .env.local holds this installation's secrets (git ignores it). The first start
// generates them; later starts reuse them, so sessions and encrypted passwords survive
// restarts.
import { existsSync, readFileSync, appendFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { generateEncryptionKey } from "@/lib/crypto/secret-box";

const GENERATED: Record<string, () => string> = {
  AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  DESK_ENCRYPTION_KEY: generateEncryptionKey,
};

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith("#")) continue;
    out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, "$2");
  }
  return out;
}

/** Loads .env.local into process.env, without overriding it and without writing anything. */
export function loadLocalEnv(file = ".env.local"): void {
  if (!existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnvFile(readFileSync(file, "utf8")))) process.env[key] ??= value;
}

/** Loads .env.local into process.env (without overriding it), generating missing secrets. */
export function ensureLocalEnv(file = ".env.local"): { generated: string[] } {
  const current = existsSync(file) ? parseEnvFile(readFileSync(file, "utf8")) : {};
  const generated: string[] = [];
  for (const [key, make] of Object.entries(GENERATED)) {
    if (current[key] || process.env[key]) continue;
    current[key] = make();
    appendFileSync(file, `${existsSync(file) && readFileSync(file, "utf8").length && !readFileSync(file, "utf8").endsWith("\n") ? "\n" : ""}${key}=${current[key]}\n`, { mode: 0o600 });
    generated.push(key);
  }
  for (const [key, value] of Object.entries(current)) process.env[key] ??= value;
  return { generated };
}
