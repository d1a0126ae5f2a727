// npm run db:seed: applies migrations and seeds the demo shop and users if the database is empty.
import { ensureLocalEnv } from "./env-file";
import { seedDemo } from "./demo";
import { databaseUrl } from "@/lib/db/url";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";

ensureLocalEnv();
await deployMigrations(targetForUrl(databaseUrl()));
console.log((await seedDemo()) ? "Demo shop and users created." : "Database already has users: nothing seeded.");
