// Derives prisma/postgres/schema.prisma from the hand-edited SQLite schema.
// A Prisma schema names exactly one provider, and each provider needs its own
// migrations and generated client, so the PostgreSQL schema is a build product.
// Usage: tsx prisma/tools/derive-postgres-schema.ts [--check]
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(PRISMA_DIR, "schema.prisma");
export const POSTGRES_SCHEMA = path.join(PRISMA_DIR, "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by prisma/tools/derive-postgres-schema.ts.\n" +
  "// Do not edit: change prisma/schema.prisma and run `npm run db:generate`.\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"));
  if (!matches || matches.length !== 1) {
    throw new Error(`derive-postgres-schema: expected exactly one ${what} in prisma/schema.prisma, found ${matches?.length ?? 0}`);
  }
  return text.replace(pattern, replacement);
}

export function derivePostgresSchema(sqliteSchema: string): string {
  let out = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
  out = replaceOnce(
    out,
    /output\s*=\s*"\.\.\/lib\/db\/generated\/sqlite"/,
    'output   = "../../lib/db/generated/postgres"',
    "generator output ../lib/db/generated/sqlite",
  );
  return HEADER + out;
}

function main() {
  const expected = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(POSTGRES_SCHEMA, "utf8");
    } catch {
      // missing file counts as drift
    }
    if (current !== expected) {
      console.error("prisma/postgres/schema.prisma is out of date: run npm run db:generate");
      process.exit(1);
    }
    return;
  }
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, expected);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
