// npm run sandbox -- [--port 4010] [--data .data/sandbox.db] [--account login:password]
//                    [--orders-per-hour 12] [--seed 42]
// A separate process that speaks Cdiscount's protocol on loopback. It prints
// "SANDBOX_READY <url>" once listening, for the launcher and the test harness.
import { parseArgs } from "node:util";
import { Sandbox } from "./sandbox";
import { SandboxServer } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.SANDBOX_PORT ?? "4010" },
    host: { type: "string", default: "127.0.0.1" },
    data: { type: "string", default: process.env.SANDBOX_DATA ?? ".data/sandbox.db" },
    account: { type: "string", multiple: true, default: [] },
    "orders-per-hour": { type: "string" },
    seed: { type: "string" },
  },
});

const sandbox = new Sandbox(values.data, {
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  ...(values["orders-per-hour"] ? { ordersPerHour: Number(values["orders-per-hour"]) } : {}),
});
for (const pair of values.account) {
  const [login, ...password] = pair.split(":");
  if (login && password.length) sandbox.createAccount(login, password.join(":"));
}
const server = new SandboxServer(sandbox);
const url = await server.listen(Number(values.port), values.host);
// The world moves on even when nobody calls: new orders, payments, deadlines.
const ticker = setInterval(() => sandbox.tick(), 2_000);
console.log(`SANDBOX_READY ${url}`);

async function stop() {
  clearInterval(ticker);
  await server.close();
  sandbox.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
