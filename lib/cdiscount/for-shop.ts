// The marketplace client of a shop: its environment's endpoints, its decrypted API
// password, and a token and concurrency limit shared by everything that shop does.
import { CdiscountSoapClient, type CdiscountClientOptions } from "./client";
import { endpointsOf } from "./endpoints";
import type { MarketplaceClient } from "./marketplace-client";
import { decryptShopPassword } from "@/lib/shops/shop-secret";

export interface ShopConnection {
  id: string;
  apiLogin: string;
  apiPasswordEncrypted: string;
  environment: "SANDBOX" | "PREPRODUCTION" | "PRODUCTION";
}

/** `tuning`: shorter timeouts and retries, for the fault tests. */
export function marketplaceClientFor(shop: ShopConnection, tuning: Pick<CdiscountClientOptions, "timeoutMs" | "retry"> = {}): MarketplaceClient {
  return new CdiscountSoapClient({
    endpoints: endpointsOf(shop.environment),
    credentials: { login: shop.apiLogin, password: decryptShopPassword(shop.id, shop.apiPasswordEncrypted) },
    shopKey: shop.id,
    ...tuning,
  });
}
