// Each spec seeds its own orders: fresh sandbox orders in the demo shop's account,
// shaped to the state the spec needs, imported into the store the way the sync does.
// What the sandbox received is read back to prove what reached "Cdiscount".
import { SandboxAdmin } from "@/lib/cdiscount/sandbox/admin-client";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { MarketplaceOrder } from "@/lib/cdiscount/types";
import { testClient } from "@/lib/cdiscount/testing";
import { DEMO_SHOP } from "@/lib/launcher/demo";
import { seedStoredOrders } from "@/lib/order-actions/testing";
import { E2E_SANDBOX_URL } from "../../playwright.config";
import { testDb } from "./db";

export { alreadyShipped, awaitingShipment } from "@/lib/order-actions/testing";

export const sandboxAdmin = new SandboxAdmin(E2E_SANDBOX_URL);

export async function demoShopId(): Promise<string> {
  return (await testDb().shop.findFirstOrThrow({ where: { name: DEMO_SHOP.name }, select: { id: true } })).id;
}

/** `count` new orders (WaitingForSellerAcceptation unless `shape` changes them), stored; returns them. */
export async function seedOrders(count: number, shape?: (o: MarketplaceOrder) => void) {
  const shopId = await demoShopId();
  const sandbox = { url: E2E_SANDBOX_URL, admin: sandboxAdmin } as SandboxProcess;
  const shop = { login: DEMO_SHOP.apiLogin, shopId, client: testClient(E2E_SANDBOX_URL, DEMO_SHOP.apiLogin, DEMO_SHOP.apiPassword) };
  return seedStoredOrders(testDb(), sandbox, shop as Parameters<typeof seedStoredOrders>[2], count, shape);
}

/** The ValidateOrderList entries the sandbox received for an order. */
export async function validationsOf(orderNumber: string) {
  const calls = await sandboxAdmin.calls(DEMO_SHOP.apiLogin, "ValidateOrderList");
  return calls.flatMap((c) => (c.detail as { orderNumber: string; orderState: string; trackingNumber?: string }[]).filter((d) => d.orderNumber === orderNumber));
}

export async function refundsOf(orderNumber: string) {
  const calls = await sandboxAdmin.calls(DEMO_SHOP.apiLogin, "CreateRefundVoucher");
  return calls.filter((c) => (c.detail as { orderNumber: string }).orderNumber === orderNumber);
}

export async function sandboxOrder(orderNumber: string): Promise<MarketplaceOrder> {
  return ((await sandboxAdmin.order(DEMO_SHOP.apiLogin, orderNumber)) as { order: MarketplaceOrder }).order;
}
