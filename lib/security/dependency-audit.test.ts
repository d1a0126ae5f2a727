import { describe, expect, it } from "vitest";
import { readAuditReport } from "./dependency-audit";

// What npm 11 prints here, where the registry refuses the bulk advisories endpoint.
const REFUSED = JSON.stringify({
  message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  method: "POST",
  uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  statusCode: 405,
  body: "",
  error: { summary: "", detail: "" },
});

const counts = (high: number, critical: number) => ({ info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical });

describe("reading npm audit", () => {
  it("an unreachable advisory endpoint is no audit, not a pass", () => {
    expect(readAuditReport(REFUSED)).toEqual({ status: "unavailable", reason: expect.stringContaining("405 Method Not Allowed") });
    expect(readAuditReport("", "npm error audit endpoint returned an error")).toEqual({ status: "unavailable", reason: "npm error audit endpoint returned an error" });
  });

  it("lists high and critical advisories, not the moderate ones", () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        next: { name: "next", severity: "critical", range: "16.0.0 - 16.3.2", via: [{ url: "https://github.com/advisories/GHSA-2xp9-vwfh-vxw4", title: "RCE in image optimization" }] },
        "eslint-config-next": { name: "eslint-config-next", severity: "high", range: "16.0.0 - 16.3.2", via: ["next"] },
        postcss: { name: "postcss", severity: "moderate", range: "<8.5.10", via: [{ url: "https://github.com/advisories/GHSA-qx2v-qp2m-jg93" }] },
      },
      metadata: { vulnerabilities: counts(1, 1) },
    };
    const outcome = readAuditReport(JSON.stringify(report));
    expect(outcome).toMatchObject({ status: "ok", counts: { high: 1, critical: 1 } });
    expect(outcome.status === "ok" && outcome.blocking).toEqual([
      { name: "next", severity: "critical", range: "16.0.0 - 16.3.2", advisories: ["https://github.com/advisories/GHSA-2xp9-vwfh-vxw4 RCE in image optimization"] },
      { name: "eslint-config-next", severity: "high", range: "16.0.0 - 16.3.2", advisories: ["via next"] },
    ]);
  });

  it("a clean report blocks nothing", () => {
    expect(readAuditReport(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0) } }))).toEqual({ status: "ok", counts: counts(0, 0), blocking: [] });
  });
});
