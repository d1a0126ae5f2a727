// npm run bench:bundle -- [--route /(desk)/orders/page]
// First-load JavaScript of a page from the production build (.next, so run `npm run build`
// first): the framework's root chunks plus every chunk of the page's layouts and the page
// itself, deduplicated, gzipped (level 9, as a CDN would serve them). The baseline, in the
// same run, is the sign-in page: what any page of the app costs before its own code.
// A report, not a test: it always exits 0.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { figure, writeBenchResult } from "./bench-result";

const { values } = parseArgs({ options: { route: { type: "string", default: "/(desk)/orders/page" }, goal: { type: "string", default: "150" } } });
const NEXT = path.resolve(".next");
const GOAL_KB = Number(values.goal);

function chunksOf(route: string): string[] {
  const dir = path.join(NEXT, "server", "app", route);
  const manifestFile = `${dir}_client-reference-manifest.js`;
  if (!existsSync(manifestFile)) throw new Error(`no build for ${route}: run npm run build first`);
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function("self", "globalThis", readFileSync(manifestFile, "utf8"))(sandbox, sandbox);
  const entry = sandbox.__RSC_MANIFEST![route]!.entryJSFiles;
  const build = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return [...new Set([...build.rootMainFiles, ...Object.values(entry).flat()])];
}

function gzippedKb(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(NEXT, f)), { level: 9 }).length, 0) / 1024;
}

const route = values.route;
const page = gzippedKb(chunksOf(route));
const baseline = gzippedKb(chunksOf("/sign-in/page"));
console.log(`first-load JS, gzipped, from .next (${chunksOf(route).length} chunks)`);
console.log(`${"figure".padEnd(36)} ${"goal".padEnd(10)} ${"measured".padEnd(12)} verdict`);
console.log(`${`${route}`.padEnd(36)} ${`≤ ${GOAL_KB} kB`.padEnd(10)} ${`${page.toFixed(1)} kB`.padEnd(12)} ${page <= GOAL_KB ? "PASS" : "FAIL"}`);
console.log(`${"baseline: /sign-in".padEnd(36)} ${"—".padEnd(10)} ${`${baseline.toFixed(1)} kB`.padEnd(12)} ratio ${(page / baseline).toFixed(2)}×`);
writeBenchResult("bundle", route, [
  figure({ figure: `first-load JS of ${route.replace(/^\/\(desk\)/, "").replace(/\/page$/, "")}, gzipped`, goal: `≤ ${GOAL_KB} kB`, measured: Math.round(page * 10) / 10, unit: "kB", ratio: Math.round((page / baseline) * 100) / 100, baseline: `/sign-in ${baseline.toFixed(1)} kB`, met: page <= GOAL_KB }),
]);
