// "Build if needed": a fingerprint of everything that goes into `next build`, stored
// beside the build. npm start rebuilds only when it differs.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const SKIP_DIRS = new Set(["node_modules", ".next", "generated"]);
const FINGERPRINT_FILE = path.join(".next", "desk-build-fingerprint");

function walk(entry: string, hash: ReturnType<typeof createHash>) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const name of readdirSync(entry).sort()) if (!SKIP_DIRS.has(name)) walk(path.join(entry, name), hash);
    return;
  }
  // Tests and benchmarks are never part of the app: editing them needs no new build.
  if (/\.test\.tsx?$|[/\\]bench[/\\]|-bench\.ts$|[/\\]bench-(all|result)\.ts$/.test(entry)) return;
  hash.update(entry).update("\0").update(readFileSync(entry)).update("\0");
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(input, hash);
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint();
}

export function recordBuild(fingerprint: string): void {
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}
