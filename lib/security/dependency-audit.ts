// What `npm audit --json` said, read without wishful thinking: a report with its counts,
// or no report at all. An advisory endpoint that cannot be reached is not a pass.
export type Severity = "info" | "low" | "moderate" | "high" | "critical";

export interface Finding {
  name: string;
  severity: Severity;
  range: string;
  advisories: string[];
}

export type AuditOutcome =
  | { status: "unavailable"; reason: string }
  | { status: "ok"; counts: Record<Severity, number>; blocking: Finding[] };

const BLOCKING: ReadonlySet<Severity> = new Set(["high", "critical"]);

interface NpmAuditReport {
  message?: string;
  error?: { summary?: string };
  metadata?: { vulnerabilities?: Record<Severity, number> };
  vulnerabilities?: Record<string, { name: string; severity: Severity; range: string; via: (string | { url?: string; title?: string })[] }>;
}

export function readAuditReport(stdout: string, stderr = ""): AuditOutcome {
  let report: NpmAuditReport;
  try {
    report = JSON.parse(stdout) as NpmAuditReport;
  } catch {
    return { status: "unavailable", reason: (stderr || stdout).trim().split("\n")[0] || "npm audit printed no report" };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts || !report.vulnerabilities) {
    return { status: "unavailable", reason: report.message ?? report.error?.summary ?? "npm audit returned no vulnerability counts" };
  }
  const blocking = Object.values(report.vulnerabilities)
    .filter((v) => BLOCKING.has(v.severity))
    .map((v) => ({
      name: v.name,
      severity: v.severity,
      range: v.range,
      advisories: v.via.flatMap((via) => (typeof via === "string" ? [`via ${via}`] : via.url ? [`${via.url} ${via.title ?? ""}`.trim()] : [])),
    }));
  return { status: "ok", counts, blocking };
}
