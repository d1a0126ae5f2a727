import { defineConfig } from "prisma/config";

// Read by `prisma generate`. Offline migrations go through prisma/tools/migrate.ts,
// which reads the same DATABASE_URL. env("DATABASE_URL") would throw when unset and
// break `postinstall`, hence process.env.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./.data/desk.db" },
});
