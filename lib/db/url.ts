import path from "node:path";

/** The embedded database used when DATABASE_URL is not set (relative to the project root). */
export const DEFAULT_DATABASE_URL = "file:./.data/desk.db";

export type DatabaseEngine = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Absolute path of a SQLite file URL, resolved from the working directory as the client does. */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export function engineOf(url: string): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}
