// Shared by the tests that pair the client with a sandbox process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CdiscountSoapClient, type CdiscountClientOptions } from "./client";
import { endpointsOf } from "./endpoints";
import { startSandboxProcess, type SandboxProcess } from "./sandbox/process";

let shopCounter = 0;

export async function startTestSandbox(args: string[] = []): Promise<SandboxProcess & { dataFile: string }> {
  const dataFile = path.join(mkdtempSync(path.join(tmpdir(), "desk-sandbox-")), "sandbox.db");
  const sandbox = await startSandboxProcess({ data: dataFile, args });
  return { ...sandbox, dataFile };
}

export function testClient(sandboxUrl: string, login: string, password: string, options: Partial<CdiscountClientOptions> = {}) {
  return new CdiscountSoapClient({
    endpoints: endpointsOf("SANDBOX", sandboxUrl),
    credentials: { login, password },
    shopKey: `test-shop-${++shopCounter}`,
    timeoutMs: 3_000,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}
