// Every benchmark prints its own report for a reader, and also writes its figures here,
// machine-readable, so that `npm run bench` (bench-all.ts) can put them in one table.
// One file per benchmark: .data/bench/<name>.json, overwritten by each run.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const BENCH_RESULTS_DIR = path.join(".data", "bench");

export interface BenchFigure {
  figure: string;
  /** The goal as the README states it ("≤ 300 ms"), or "—" for a figure printed for context. */
  goal: string;
  /** null when the run could not measure it (then `unit` says why). */
  measured: number | null;
  unit: string;
  /** The figure against the baseline measured in the same run, when there is one. */
  ratio: number | null;
  /** What the ratio compares with, in words and with its own value. */
  baseline: string | null;
  /** null when the figure has no goal. */
  met: boolean | null;
}

export interface BenchResult {
  bench: string;
  /** The size the run used (orders, requests…), to tell a quick run from a real one. */
  size: string;
  node: string;
  finishedAt: string;
  figures: BenchFigure[];
}

const fileOf = (bench: string) => path.join(BENCH_RESULTS_DIR, `${bench}.json`);

export function figure(f: Omit<BenchFigure, "ratio" | "baseline" | "met"> & Partial<Pick<BenchFigure, "ratio" | "baseline" | "met">>): BenchFigure {
  return { figure: f.figure, goal: f.goal, measured: f.measured, unit: f.unit, ratio: f.ratio ?? null, baseline: f.baseline ?? null, met: f.met ?? null };
}

export function writeBenchResult(bench: string, size: string, figures: BenchFigure[]): void {
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const result: BenchResult = { bench, size, node: process.version, finishedAt: new Date().toISOString(), figures };
  writeFileSync(fileOf(bench), `${JSON.stringify(result, null, 2)}\n`);
}

export function readBenchResult(bench: string): BenchResult | null {
  try {
    return JSON.parse(readFileSync(fileOf(bench), "utf8")) as BenchResult;
  } catch {
    return null;
  }
}

/** Before a run: a benchmark that then fails leaves no figures rather than the last run's. */
export function clearBenchResult(bench: string): void {
  rmSync(fileOf(bench), { force: true });
}
