// npm run build: `next build`, then record what was built so npm start can skip it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { recordBuild, sourceFingerprint } from "./fingerprint";

export function runBuild(): void {
  const fingerprint = sourceFingerprint();
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  recordBuild(fingerprint);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  try {
    runBuild();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
