// The carriers a seller picks from when shipping (GetGlobalConfiguration, reference
// §1.7), kept a day per shop in the database: the list changes rarely, every instance
// shares it, and a marketplace outage falls back on the last list known.
import "server-only";
import type { Db, Prisma } from "@/lib/db/client";
import { marketplaceClientFor, type ShopConnection } from "@/lib/cdiscount/for-shop";
import type { MarketplaceClient } from "@/lib/cdiscount/marketplace-client";
import type { Carrier } from "@/lib/cdiscount/types";

export const CARRIER_LIST_TTL_MS = 24 * 3_600_000;

export interface CarrierOption {
  id: number;
  /** What goes into CarrierName. */
  name: string;
  /** The carrier's tracking page, offered as the tracking URL. */
  defaultTrackingUrl: string | null;
}

export async function getShopCarriers(
  db: Db,
  shopId: string,
  { now = new Date(), clientFor = marketplaceClientFor }: { now?: Date; clientFor?: (shop: ShopConnection) => MarketplaceClient } = {},
): Promise<CarrierOption[]> {
  const cached = await db.carrierCache.findUnique({ where: { shopId } });
  if (cached && now.getTime() - cached.fetchedAt.getTime() < CARRIER_LIST_TTL_MS) return cached.carriers as unknown as CarrierOption[];
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { id: true, apiLogin: true, apiPasswordEncrypted: true, environment: true } });
  let carriers: CarrierOption[];
  try {
    carriers = (await clientFor(shop).getCarriers()).map(toOption).sort((a, b) => a.name.localeCompare(b.name, "fr"));
  } catch (error) {
    // A stale list beats none: carriers come and go over months, not hours.
    if (cached) return cached.carriers as unknown as CarrierOption[];
    throw error;
  }
  const json = carriers as unknown as Prisma.InputJsonValue;
  await db.carrierCache.upsert({ where: { shopId }, create: { shopId, carriers: json, fetchedAt: now }, update: { carriers: json, fetchedAt: now } });
  return carriers;
}

/** Cdiscount's data has stray whitespace: "Asendia HK ", a tab before DHL's URL. */
function toOption(carrier: Carrier): CarrierOption {
  return { id: carrier.id, name: carrier.name.trim(), defaultTrackingUrl: carrier.defaultUrl?.trim() || null };
}
