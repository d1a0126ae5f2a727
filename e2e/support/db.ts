// The e2e specs check outcomes in the same database the app under test uses.
import { createDb, type Db } from "@/lib/db/client";
import { E2E_DATABASE_URL } from "../../playwright.config";

let client: Db | undefined;

export function testDb(): Db {
  client ??= createDb(E2E_DATABASE_URL);
  return client;
}
