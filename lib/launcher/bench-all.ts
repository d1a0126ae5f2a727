// npm run bench [-- --quick] [--only load,queue] [--verbose]
// Every benchmark of the project, one after the other, each in its own process (as its
// own npm script runs it), then one table: figure, goal, measured, ratio to the baseline
// the benchmark measured in the same run, verdict. The single place where performance is
// read. Each benchmark writes its figures to .data/bench/<name>.json (bench-result.ts);
// its full report goes to .data/bench/<name>.log.
// --quick: smaller sizes, to check that everything runs (minutes instead of an hour);
// its figures are not the README's. Timings depend on the machine and on what else runs.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_RESULTS_DIR, clearBenchResult, readBenchResult, type BenchFigure } from "./bench-result";
import { runBuild } from "./build";
import { buildIsCurrent } from "./fingerprint";

interface Bench {
  name: string;
  script: string;
  /** The result files it writes (its name when omitted). */
  results?: string[];
  /** Arguments of the quick run. */
  quick: string[];
  /** Reads the production build. */
  needsBuild?: boolean;
}

const BENCHES: Bench[] = [
  { name: "client", script: "bench:client", quick: ["--orders", "2000"] },
  { name: "sync", script: "bench:sync", quick: ["--orders", "10000"] },
  { name: "sync-changes", script: "bench:sync-changes", quick: ["--store", "20000", "--rounds", "1"] },
  { name: "sync-freshness", script: "bench:sync-freshness", quick: ["--orders", "3"] },
  { name: "queue", script: "bench:queue", quick: ["--orders", "50000"] },
  { name: "export", script: "bench:export", quick: ["--orders", "10000"] },
  { name: "bundle", script: "bench:bundle", quick: [], needsBuild: true },
  { name: "load", script: "bench:load", results: ["load-sqlite", "load-postgresql"], quick: ["--quick"], needsBuild: true },
];

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, only: { type: "string" }, verbose: { type: "boolean", default: false } } });
const only = values.only?.split(",").map((s) => s.trim());
const unknown = only?.filter((n) => !BENCHES.some((b) => b.name === n)) ?? [];
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const selected = BENCHES.filter((b) => !only || only.includes(b.name));

/** Runs one benchmark's npm script; its output goes to its log (and the console with --verbose). */
function run(bench: Bench): Promise<{ code: number | null; seconds: number }> {
  const args = ["run", "--silent", bench.script, "--", ...(values.quick ? bench.quick : [])];
  const log = createWriteStream(path.join(BENCH_RESULTS_DIR, `${bench.name}.log`));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    for (const stream of [child.stdout, child.stderr]) {
      stream.pipe(log, { end: false });
      if (values.verbose) stream.pipe(stream === child.stderr ? process.stderr : process.stdout, { end: false });
    }
    child.on("close", (code) => {
      log.end();
      resolve({ code, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const cell = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const number = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en") : String(v));

function measuredText(f: BenchFigure): string {
  // No number: the unit says what was seen instead ("yes", "3 never seen").
  if (f.measured === null) return f.unit || "—";
  return `${number(f.measured)}${f.unit === "×" ? "×" : f.unit ? ` ${f.unit}` : ""}`;
}

async function main(): Promise<void> {
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const startLoad = loadavg()[0]!;
  const started = performance.now();
  if (selected.some((b) => b.needsBuild) && !buildIsCurrent()) {
    console.log("Building the app (changed sources)…");
    runBuild();
  }
  const outcomes = new Map<string, { code: number | null; seconds: number }>();
  for (const bench of selected) {
    for (const result of bench.results ?? [bench.name]) clearBenchResult(result);
    process.stdout.write(`${cell(`npm run ${bench.script}${values.quick && bench.quick.length ? ` -- ${bench.quick.join(" ")}` : ""}`, 64)} `);
    const outcome = await run(bench);
    outcomes.set(bench.name, outcome);
    console.log(`${outcome.seconds.toFixed(0).padStart(5)} s${outcome.code === 0 ? "" : `  exit ${outcome.code}`}  (log: ${path.join(BENCH_RESULTS_DIR, `${bench.name}.log`)})`);
  }

  const widths = [46, 22, 20, 9, 38, 7];
  const header = ["figure", "goal", "measured", "ratio", "baseline (same run)", "verdict"];
  console.log(`\n${values.quick ? "QUICK RUN (smaller sizes: not the README's figures)\n" : ""}${header.map((h, i) => cell(h, widths[i]!)).join(" ")}`);
  let unmet = 0;
  for (const bench of selected) {
    for (const name of bench.results ?? [bench.name]) {
      const result = readBenchResult(name);
      if (!result) {
        unmet++;
        console.log(`${cell(`${name}: no result`, widths[0]!)} ${cell("", widths[1]!)} ${cell(`see ${bench.name}.log`, widths[2]! + widths[3]! + widths[4]! + 2)} FAIL`);
        continue;
      }
      for (const f of result.figures) {
        if (f.met === false) unmet++;
        const verdict = f.met === null ? "" : f.met ? "PASS" : "FAIL";
        const ratio = f.ratio === null ? "" : `${f.ratio}×`;
        console.log([cell(f.figure, widths[0]!), cell(f.goal, widths[1]!), cell(measuredText(f), widths[2]!), cell(ratio, widths[3]!), cell(f.baseline ?? "", widths[4]!), verdict].join(" "));
      }
    }
  }
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    `\n${selected.length} benchmark${selected.length === 1 ? "" : "s"} in ${minutes.toFixed(1)} min, ${unmet} figure(s) short of their goal; Node ${process.version}, ${cpus().length} cores, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GB, load average ${startLoad.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`,
  );
  console.log("Timings vary with the machine and with whatever else runs on it: compare a figure with its baseline from the same run.");
}

await main();
