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

export function endpointsOf(environment: CdiscountEnvironment, sandboxUrl = process.env.CDISCOUNT_SANDBOX_URL): Endpoints {
  switch (environment) {
    case "PRODUCTION":
      return endpointsFor("https://wsvc.cdiscount.com", "https://sts.cdiscount.com");
    case "PREPRODUCTION":
      return endpointsFor("https://wsvc.preprod-cdiscount.com", "https://sts.preprod-cdiscount.com");
    case "SANDBOX": {
      if (!sandboxUrl) throw new Error("CDISCOUNT_SANDBOX_URL is not set: start the sandbox (npm start does) or pick another environment");
      const origin = sandboxUrl.replace(/\/+$/, "");
      return endpointsFor(origin, origin);
    }
  }
}
