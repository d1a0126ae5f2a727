import { readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, PRISMA_DIR, SQLITE_SCHEMA, derivePostgresSchema } from "./derive-postgres-schema";
import { deployMigrations, diffSchema, migrationStatus, targetForUrl } from "./migrate";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "@/lib/testing/postgres-database";

const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name.replace(/^\d{14}_/, ""))
    .sort();

describe("one schema, two engines", () => {
  it("the PostgreSQL schema is exactly the one derived from the SQLite schema", () => {
    const derived = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(readFileSync(POSTGRES_SCHEMA, "utf8"), "run npm run db:generate").toBe(derived);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('provider = "sqlite"');
  });

  it("refuses to derive from a schema it does not recognise", () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/provider = "sqlite"/);
  });

  it("both engines have the same migration history", () => {
    expect(migrationNames(path.join(PRISMA_DIR, "postgres", "migrations"))).toEqual(migrationNames(path.join(PRISMA_DIR, "migrations")));
  });
});

describe("offline migrations on SQLite (WebAssembly schema engine)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "desk-migrate-"));
  const target = targetForUrl(`file:${path.join(dir, "m.db")}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("applies every migration to an empty database, then nothing", async () => {
    const all = readdirSync(target.migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(await deployMigrations(target)).toEqual(all);
    expect(await deployMigrations(target)).toEqual([]);
    expect(await migrationStatus(target)).toMatchObject({ hasMigrationsTable: true, unappliedMigrationNames: [], failedMigrationNames: [] });
  });

  it("the migrations produce exactly the schema (no un-migrated change)", async () => {
    expect((await diffSchema(target)).trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it("rejects an unknown database URL clearly", () => {
    expect(() => targetForUrl("mysql://x")).toThrow(/file: \(SQLite\) or postgresql:\/\//);
  });
});

warnIfPostgresSkipped("migration");

describe.skipIf(!postgresTestAvailable)("offline migrations on PostgreSQL", () => {
  const postgres = postgresTestDatabase("migrations_test");
  afterAll(() => postgres.close());

  it("applies the PostgreSQL history to a throwaway cluster and matches the schema", async () => {
    const url = await postgres.create({ migrate: false });
    const target = targetForUrl(url);
    expect((await deployMigrations(target)).length).toBeGreaterThan(0);
    expect(await migrationStatus(target)).toMatchObject({ unappliedMigrationNames: [], failedMigrationNames: [] });
    expect((await diffSchema(target)).trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  }, 180_000);
});
