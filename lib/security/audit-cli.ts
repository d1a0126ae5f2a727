// npm run audit:deps: npm audit at the "high" level. Exit 0 only when the registry
// answered and reported no high or critical advisory; 1 when it did report some; 2 when
// no audit could be done (some registries and mirrors refuse the advisories endpoint).
import { spawnSync } from "node:child_process";
import { readAuditReport } from "./dependency-audit";

const run = spawnSync("npm", ["audit", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const outcome = readAuditReport(run.stdout ?? "", run.stderr ?? "");

if (outcome.status === "unavailable") {
  console.error("\n*** DEPENDENCY AUDIT NOT DONE: the registry's advisory endpoint did not answer ***");
  console.error(`    ${outcome.reason}`);
  console.error("    Nothing was checked. Run `npm audit --audit-level=high` where registry.npmjs.org's");
  console.error("    advisories endpoint is reachable (CI, a workstation), or check package-lock.json");
  console.error("    against https://github.com/advisories by hand.\n");
  process.exit(2);
}

const { counts, blocking } = outcome;
console.log(`npm audit: ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`);
for (const finding of blocking) {
  console.log(`  ${finding.severity.toUpperCase()} ${finding.name} ${finding.range}`);
  for (const advisory of finding.advisories) console.log(`    ${advisory}`);
}
process.exit(blocking.length ? 1 : 0);
