// npm run test:faults: the fault and crash suites (lib/testing/faults), kept out of the
// unit and integration run because they start processes, inject faults and kill them.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mjs";

export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["lib/testing/faults/**/*.test.ts"],
    setupFiles: ["lib/testing/faults/setup.ts"],
    environment: "node",
    pool: "forks",
    // Two files at a time: kill points follow the work's progress, not the clock, and
    // timeouts are far from what a loaded machine adds.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
