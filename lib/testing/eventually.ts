// Waits for a condition the test cannot be told about (another process's work, a lock
// being waited on), checking it again and again: never a fixed sleep.
export async function eventually(condition: () => Promise<boolean> | boolean, { what, timeoutMs = 30_000, intervalMs = 50 }: { what: string; timeoutMs?: number; intervalMs?: number }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
