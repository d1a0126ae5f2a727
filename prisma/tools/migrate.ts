// Offline Prisma Migrate: drives Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) through the official driver adapters, because the
// Prisma 7 CLI only runs Migrate through a native binary that cannot be downloaded
// here. Migrations are written in Prisma's standard folder format, so the regular
// CLI accepts them wherever it can run. The four upstream bugs worked around below
// are described in ../shared/reference/toolchain-prisma.md.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PRISMA_DIR, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./derive-postgres-schema";
import { engineOf, sqliteFilePath } from "../../lib/db/url";

type Json = Record<string, unknown>;
/* eslint-disable @typescript-eslint/no-explicit-any -- the wasm engine and adapter internals are untyped JSON-RPC */
type Engine = Record<string, (params?: any) => Promise<any>> & { free?: () => void };

export type Provider = "sqlite" | "postgresql";

export interface MigrationTarget {
  provider: Provider;
  schemaPath: string;
  migrationsDir: string;
  databaseUrl: string;
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

export class MigrateError extends Error {
  override name = "MigrateError";
}

/** Picks the schema and migrations folder from the database URL's scheme. */
export function targetForUrl(databaseUrl: string): MigrationTarget {
  let engine;
  try {
    engine = engineOf(databaseUrl);
  } catch {
    throw new MigrateError(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)`);
  }
  if (engine === "sqlite") {
    return { provider: "sqlite", schemaPath: SQLITE_SCHEMA, migrationsDir: path.join(PRISMA_DIR, "migrations"), databaseUrl };
  }
  {
    return {
      provider: "postgresql",
      schemaPath: POSTGRES_SCHEMA,
      migrationsDir: path.join(PRISMA_DIR, "postgres", "migrations"),
      databaseUrl,
    };
  }
}

export { sqliteFilePath };

let compiled: Promise<{ bgUrl: string; module: WebAssembly.Module }> | undefined;
let instances = 0;

/**
 * A fresh schema engine: its own copy of the wasm-bindgen glue module and its own wasm
 * instance. The glue keeps the instance in a module global, so engines sharing one glue
 * interfere: a second SchemaEngine.new on it loses the shadow-database factory ("shadow
 * DB must be provided through an external factory"), and re-instantiating it pulls the
 * instance from under callbacks of the previous engine. A query string gives each engine
 * its own glue module; the WebAssembly module itself is compiled once.
 */
async function loadSchemaEngine(): Promise<{ SchemaEngine: any; version: () => string }> {
  compiled ??= (async () => {
    // The package entry imports "./x.wasm" (ESM-wasm integration) which Node 20 cannot
    // load, so the module is instantiated by hand as the Prisma 6 CLI did.
    const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(new URL("./schema_engine_bg.wasm", bgUrl));
    return { bgUrl, module: await WebAssembly.compile(bytes) };
  })();
  const { bgUrl, module } = await compiled;
  const bg = await import(`${bgUrl}?engine=${++instances}`);
  const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as any).__wbindgen_start();
  return bg;
}

async function sqliteAdapterFactory(url: string) {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  return new PrismaBetterSqlite3({ url });
}

async function postgresAdapterFactory(url: string) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { parse } = await import("pg-connection-string");
  const pg = (await import("pg")).default;
  // Discrete fields, never { connectionString }: the adapter builds the shadow database
  // pool as { ...config, database: shadow }, and pg lets a connectionString override
  // `database` -- the "shadow" database would be the real one.
  const parsed = parse(url) as Record<string, unknown>;
  const config: Record<string, unknown> = Object.fromEntries(
    Object.entries(parsed).filter(([, v]) => v != null && v !== ""),
  );
  if (config.port) config.port = Number(config.port);
  if (!config.database) throw new MigrateError("DATABASE_URL must name a database");
  const schemaParam = new URL(url).searchParams.get("schema");
  const options = schemaParam ? { schema: schemaParam } : undefined;

  // The engine's catalog queries return PostgreSQL's internal "char" type (OID 18),
  // which @prisma/adapter-pg 7.10 cannot deserialize; pg already decodes it as text.
  const relabelChar = (res: any) => {
    for (const r of Array.isArray(res) ? res : [res]) {
      for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    }
    return res;
  };
  class CharAsTextClient extends pg.Client {
    override query(q: any, values?: any, cb?: any) {
      if (typeof values === "function") return super.query(q, (e: any, r: any) => values(e, e ? r : relabelChar(r)));
      if (typeof cb === "function") return super.query(q, values, (e: any, r: any) => cb(e, e ? r : relabelChar(r)));
      const out: any = super.query(q, values);
      return out && typeof out.then === "function" && typeof q?.submit !== "function" ? out.then(relabelChar) : out;
    }
  }
  class PrismaPgForMigrate extends PrismaPg {
    constructor(cfg: Record<string, unknown>, opts?: { schema: string }) {
      super(new pg.Pool({ ...cfg, Client: CharAsTextClient } as any), { ...opts, disposeExternalPool: true } as any);
    }
  }
  const factory: any = new PrismaPgForMigrate(config, options);
  // adapter-pg's connectToShadowDb() drops the shadow database before closing its pool
  // ("being accessed by other users"); same idea, closing the pool first.
  factory.connectToShadowDb = async () => {
    const admin: any = await new PrismaPgForMigrate(config).connect();
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow: any = await new PrismaPgForMigrate({ ...config, database: name }, options).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}

// The engine replays migration.sql on the shadow database through executeRaw (one
// prepared statement); better-sqlite3 rejects multi-statement SQL there, so fall back
// to executeScript for parameterless scripts.
function withMultiStatementRaw(factory: any, opened: any[]) {
  const wrap = (adapter: any) => {
    opened.push(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query: any) => {
      try {
        return await executeRaw(query);
      } catch (e) {
        if (query.args?.length || !/more than one statement/.test(String((e as Error)?.message))) throw e;
        await adapter.executeScript(query.sql);
        return 0;
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => wrap(await connect());
  factory.connectToShadowDb = async () => wrap(await connectToShadowDb());
  return factory;
}

export async function listMigrations(migrationsDir: string) {
  const lockContent = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf-8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [];
    throw e;
  });
  const migrationDirectories = [];
  for (const dir of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const content = await readFile(path.join(migrationsDir, dir.name, "migration.sql"), "utf-8")
      .then((value) => ({ tag: "ok", value }))
      .catch((e: Error) => ({ tag: "error", value: e.message }));
    migrationDirectories.push({ path: dir.name, migrationFile: { path: "migration.sql", content } });
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

// The wasm engine reports P1014 on a never-migrated database instead of treating
// `_prisma_migrations` as absent like the native engine does.
const isMissingMigrationsTable = (e: any) => e?.code === "P1014" && /_prisma_migrations/.test(String(e.message));

async function withEngine<T>(target: MigrationTarget, fn: (engine: Engine, schemaText: string) => Promise<T>): Promise<T> {
  const schemaText = await readFile(target.schemaPath, "utf-8");
  const { SchemaEngine } = await loadSchemaEngine();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const base =
    target.provider === "sqlite" ? await sqliteAdapterFactory(target.databaseUrl) : await postgresAdapterFactory(target.databaseUrl);
  // The engine never closes its connections; a SQLite connection left open keeps a
  // lock that stalls the app's own client in the same process.
  const opened: any[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(withMultiStatementRaw(base, opened));
  const log = (msg: string) => {
    if (process.env.DEBUG_MIGRATE) console.error("[schema-engine]", msg);
  };
  if (target.provider === "sqlite") await mkdir(path.dirname(sqliteFilePath(target.databaseUrl)), { recursive: true });
  const engine: Engine = await SchemaEngine.new({ datamodels: [[target.schemaPath, schemaText]] }, log, factory);
  try {
    return await fn(engine, schemaText);
  } finally {
    engine.free?.();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose?.()));
  }
}

/** Applies every pending migration; returns the names applied. */
export async function deployMigrations(target: MigrationTarget): Promise<string[]> {
  return withEngine(target, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations!({
      migrationsList: await listMigrations(target.migrationsDir),
      filters: NO_FILTER,
    });
    return appliedMigrationNames as string[];
  });
}

export interface MigrationStatus {
  hasMigrationsTable: boolean;
  unappliedMigrationNames: string[];
  failedMigrationNames: string[];
  editedMigrationNames: string[];
  diagnostic: string | null;
}

export async function migrationStatus(target: MigrationTarget): Promise<MigrationStatus> {
  return withEngine(target, async (engine) => {
    const list = await listMigrations(target.migrationsDir);
    try {
      const r = await engine.diagnoseMigrationHistory!({ migrationsList: list, optInToShadowDatabase: false, filters: NO_FILTER });
      return {
        hasMigrationsTable: r.hasMigrationsTable,
        unappliedMigrationNames: r.history?.unappliedMigrationNames ?? [],
        failedMigrationNames: r.failedMigrationNames,
        editedMigrationNames: r.editedMigrationNames,
        diagnostic: r.history?.diagnostic ?? null,
      };
    } catch (e) {
      if (!isMissingMigrationsTable(e)) throw e;
      const names = list.migrationDirectories.map((d) => d.path);
      return {
        hasMigrationsTable: false,
        unappliedMigrationNames: names,
        failedMigrationNames: [],
        editedMigrationNames: [],
        diagnostic: names.length ? "databaseIsBehind" : null,
      };
    }
  });
}

/** SQL that takes the migrations (or an empty database) to the current schema. */
export async function diffSchema(target: MigrationTarget, opts: { fromEmpty?: boolean } = {}): Promise<string> {
  return withEngine(target, async (engine) => {
    const from = opts.fromEmpty ? { tag: "empty" } : { tag: "migrations", ...(await listMigrations(target.migrationsDir)) };
    const r = await engine.diff!({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: target.schemaPath, content: await readFile(target.schemaPath, "utf-8") }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return (r.stdout as string | undefined) ?? "";
  });
}

export async function resetDatabase(target: MigrationTarget): Promise<string[]> {
  if (target.provider === "sqlite") {
    // The engine's reset leaves sqlite_sequence behind and applyMigrations then refuses
    // the "non-empty" database (P3005); the native engine deletes the file, so do that.
    const file = sqliteFilePath(target.databaseUrl);
    for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) await rm(f, { force: true });
    return deployMigrations(target);
  }
  return withEngine(target, async (engine) => {
    await engine.reset!({ filter: NO_FILTER });
    const { appliedMigrationNames } = await engine.applyMigrations!({
      migrationsList: await listMigrations(target.migrationsDir),
      filters: NO_FILTER,
    });
    return appliedMigrationNames as string[];
  });
}

export interface DevOptions {
  name: string;
  createOnly?: boolean;
  acceptDataLoss?: boolean;
  log?: (line: string) => void;
}

/**
 * `prisma migrate dev` on an up-to-date database: check drift, check data loss, write a
 * new migration, apply it -- on one engine instance. The wasm engine fails the data-loss
 * check with "shadow DB must be provided through an external factory" when the same
 * process has just applied migrations, so callers apply pending migrations in another
 * process first (migrate-cli does).
 */
export async function createMigration(target: MigrationTarget, opts: DevOptions): Promise<string | null> {
  const log = opts.log ?? console.log;
  return withEngine(target, async (engine, schemaText) => {
    const schema = { files: [{ path: target.schemaPath, content: schemaText }] };
    const list = await listMigrations(target.migrationsDir);
    const diag = await engine.devDiagnostic!({ migrationsList: list, filters: NO_FILTER });
    if (diag.action.tag === "reset") {
      throw new MigrateError(`the database needs a reset: ${diag.action.reason}\nRun db:reset (drops all data) and retry.`);
    }
    const pending = await engine.applyMigrations!({ migrationsList: list, filters: NO_FILTER });
    if (pending.appliedMigrationNames.length) {
      throw new MigrateError(`the database had pending migrations (${pending.appliedMigrationNames.join(", ")}); they are applied now, run dev again`);
    }
    const loss = await engine.evaluateDataLoss!({ migrationsList: list, schema, filters: NO_FILTER });
    for (const w of loss.warnings) log(`Warning: ${w.message}`);
    for (const u of loss.unexecutableSteps) log(`Unexecutable: ${u.message}`);
    if (loss.unexecutableSteps.length && !opts.createOnly) {
      throw new MigrateError("some steps cannot be executed as-is; use --create-only, edit the SQL, then deploy");
    }
    if (loss.warnings.length && !opts.acceptDataLoss && !opts.createOnly) {
      throw new MigrateError("this migration may lose data; re-run with --accept-data-loss or --create-only");
    }

    const created = await engine.createMigration!({
      draft: Boolean(opts.createOnly),
      migrationName: opts.name,
      migrationsList: list,
      schema,
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) {
      log("Already in sync: no schema change, no migration created.");
      return null;
    }
    const dir = path.join(target.migrationsDir, created.generatedMigrationName);
    if (existsSync(dir)) throw new MigrateError(`${dir} already exists`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `migration.${created.extension}`), created.migrationScript, "utf-8");
    await writeFile(
      path.join(target.migrationsDir, "migration_lock.toml"),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${created.connectorType}"\n`,
      "utf-8",
    );
    log(`Created ${path.relative(process.cwd(), dir)}/migration.${created.extension}`);
    if (!opts.createOnly) {
      const r = await engine.applyMigrations!({ migrationsList: await listMigrations(target.migrationsDir), filters: NO_FILTER });
      for (const n of r.appliedMigrationNames) log(`Applied ${n}`);
    }
    return created.generatedMigrationName as string;
  });
}

export type { Json };
