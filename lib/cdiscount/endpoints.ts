// Where each environment's API lives (reference §1.1). The sandbox is this product's own
// emulation of Cdiscount on loopback (npm run sandbox); its URL comes from the launcher.
import { SERVICE_PATH, STS_PATH } from "./protocol/envelope";

export type CdiscountEnvironment = "PRODUCTION" | "PREPRODUCTION" | "SANDBOX";

export interface Endpoints {
  serviceUrl: string;
  tokenUrl: string;
}

function endpointsFor(serviceOrigin: string, stsOrigin: string): Endpoints {
  const serviceUrl = `${serviceOrigin}${SERVICE_PATH}`;
  return { serviceUrl, tokenUrl: `${stsOrigin}${STS_PATH}?realm=${serviceUrl}` };
}

/** Where npm start runs the sandbox unless told otherwise (SANDBOX_PORT). */
export const DEFAULT_SANDBOX_URL = "http://127.0.0.1:4010";

export function endpointsOf(environment: CdiscountEnvironment, sandboxUrl = process.env.CDISCOUNT_SANDBOX_URL || DEFAULT_SANDBOX_URL): Endpoints {
  switch (environment) {
    case "PRODUCTION":
      return endpointsFor("https://wsvc.cdiscount.com", "https://sts.cdiscount.com");
    case "PREPRODUCTION":
      return endpointsFor("https://wsvc.preprod-cdiscount.com", "https://sts.preprod-cdiscount.com");
    case "SANDBOX": {
      const origin = sandboxUrl.replace(/\/+$/, "");
      return endpointsFor(origin, origin);
    }
  }
}
