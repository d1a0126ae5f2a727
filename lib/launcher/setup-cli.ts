// npm run setup -- --email <e> --name <n> --shop <name> --api-login <login> [--environment PRODUCTION]
// The first account of a production installation (no demo data): an ADMIN and the shop it
// administers. Passwords come from the environment, not the command line, so they stay
// out of shell history and the process list:
//   DESK_ADMIN_PASSWORD      the admin's password (10 characters or more)
//   CDISCOUNT_API_PASSWORD   the shop's Cdiscount API password
// Applies pending migrations first. Refused once any account exists.
import { parseArgs } from "node:util";
import { loadLocalEnv } from "./env-file";
import { databaseUrl } from "@/lib/db/url";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { AppError } from "@/lib/errors/app-error";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    shop: { type: "string" },
    "api-login": { type: "string" },
    environment: { type: "string", default: "PRODUCTION" },
  },
});

loadLocalEnv();
await deployMigrations(targetForUrl(databaseUrl()));
const { createFirstAdmin } = await import("@/lib/users/create-first-admin");
try {
  const { shopId } = await createFirstAdmin({
    email: values.email ?? "",
    name: values.name ?? "",
    password: process.env.DESK_ADMIN_PASSWORD ?? "",
    shop: {
      name: values.shop ?? "",
      apiLogin: values["api-login"] ?? "",
      apiPassword: process.env.CDISCOUNT_API_PASSWORD ?? "",
      environment: values.environment as "PRODUCTION",
      syncIntervalMinutes: 15,
      initialImportDays: 30,
    },
  });
  console.log(`Created ${values.email} (ADMIN) and the shop "${values.shop}" (${shopId}). Sign in, then "Tester la connexion" on the shop's page.`);
  process.exit(0);
} catch (error) {
  if (error instanceof AppError) {
    console.error(error.message);
    for (const [field, codes] of Object.entries(error.fieldErrors ?? {})) console.error(`  ${field}: ${codes.join(", ")}`);
    console.error("Usage: DESK_ADMIN_PASSWORD=… CDISCOUNT_API_PASSWORD=… npm run setup -- --email <e> --name <n> --shop <name> --api-login <login> [--environment PRODUCTION|PREPRODUCTION|SANDBOX]");
    process.exit(2);
  }
  throw error;
}
