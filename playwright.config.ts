import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./.data/e2e.db";
// The run on PostgreSQL (e2e/support/run-on-postgres.ts) keeps its own report and artifacts.
const RUN = E2E_DATABASE_URL.startsWith("file:") ? "" : "-postgresql";
// A fixed port, so that specs can seed the sandbox and read what it received.
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const E2E_SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: `./e2e/.artifacts/results${RUN}`,
  // One app, one database: specs run one at a time so their assertions stay independent.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `e2e/.artifacts/report${RUN}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "debian-chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // The real launcher, on a fresh database: migrations, demo data, then `next start`.
    command: `npx tsx lib/launcher/start.ts --fresh --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { DATABASE_URL: E2E_DATABASE_URL, SANDBOX_DATA: ".data/e2e-sandbox.db", SANDBOX_ORDERS_PER_HOUR: "0", SANDBOX_PORT: String(SANDBOX_PORT), DESK_SCHEDULER: "off", NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
  },
});
