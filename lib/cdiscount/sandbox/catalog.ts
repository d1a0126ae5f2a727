// The sandbox's synthetic world: products, customers, carriers (Cdiscount's recorded
// carrier list, reference §1.7), and what Cdiscount's own corporation is called.
import type { Carrier } from "../types";

export const CDISCOUNT_CORPORATION = { code: "CDSB2C", name: "Cdiscount" } as const;
/** Another Octopia partner's orders: the product must skip them. Synthetic values. */
export const PARTNER_CORPORATION = { code: "OCTOPARTNER", name: "Partenaire Octopia" } as const;

export const PRODUCTS = [
  { sku: "CAFE-1KG", name: "Café en grains 1 kg", price: "14.90", ean: "3700000000011", category: "0E0A0701" },
  { sku: "THE-VERT-100", name: "Thé vert bio 100 g", price: "6.50", ean: "3700000000028", category: "0E0A0702" },
  { sku: "MUG-CERAM", name: "Mug en céramique \"Bonjour\"", price: "9.99", ean: "3700000000035", category: "0F0B0101" },
  { sku: "BOUILLOIRE-17", name: "Bouilloire électrique 1,7 L", price: "34.90", ean: "3700000000042", category: "0F0B0202" },
  { sku: "CASQUE-BT", name: "Casque Bluetooth & réduction de bruit", price: "79.00", ean: "3700000000059", category: "070A0301" },
  { sku: "CABLE-USBC", name: "Câble USB-C 2 m", price: "7.49", ean: "3700000000066", category: "070A0302" },
  { sku: "LAMPE-LED", name: "Lampe de bureau LED", price: "24.99", ean: "3700000000073", category: "0F0C0101" },
  { sku: "SAC-DOS-20", name: "Sac à dos 20 L", price: "39.50", ean: "3700000000080", category: "0A0B0101" },
] as const;

export const FEE_LINES = [
  { name: "FRAISTRAITEMENT", price: "0.99" },
  { name: "INTERETBCA", price: "1.50" },
] as const;

export const FIRST_NAMES = ["Camille", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Inès", "Jules", "Zoé", "Théo", "Anaïs"] as const;
export const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "D'Arc"] as const;
export const CITIES = [
  { city: "Paris", zip: "75011" },
  { city: "Lyon", zip: "69003" },
  { city: "Marseille", zip: "13006" },
  { city: "Bordeaux", zip: "33000" },
  { city: "Lille", zip: "59000" },
  { city: "Nantes", zip: "44000" },
] as const;
export const STREETS = ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue Victor Hugo", "place du Marché"] as const;

export const CARRIERS: readonly Carrier[] = [
  { id: 1, name: "Relais Colis", defaultUrl: "https://www.relaiscolis.com/suivi-de-colis" },
  { id: 2, name: "UPS", defaultUrl: "https://www.ups.com/track" },
  { id: 6, name: "Mondial Relay", defaultUrl: "http://www.mondialrelay.fr/suivi-de-colis" },
  { id: 7, name: "La Poste - Courrier", defaultUrl: "https://www.laposte.fr/particulier/outils/suivre-vos-envois" },
  { id: 8, name: "GLS", defaultUrl: "https://gls-group.eu/FR/fr/suivi-colis" },
  { id: 9, name: "DPD", defaultUrl: "https://www.aftership.com/couriers/dpd" },
  { id: 10, name: "DHL Express", defaultUrl: "\thttps://www.dhl.com/fr-fr/home/suivi.html" },
  { id: 13, name: "Chronopost", defaultUrl: "http://www.chronopost.fr/fr/particulier/suivez-votre-colis" },
  { id: 14, name: "Colissimo", defaultUrl: "http://www.colissimo.fr/portail_colissimo/suivre.do?language=fr_FR" },
  { id: 15, name: "Colis Privé", defaultUrl: "https://www.colisprive.com/moncolis/" },
  { id: 18, name: "FedEx", defaultUrl: "https://www.fedex.com/fr-fr/tracking.html" },
  { id: 27, name: "GEODIS", defaultUrl: "https://geodis.com/fr" },
  { id: 30, name: "Asendia HK ", defaultUrl: "https://www.asendia.com/tracking" },
  { id: 31, name: "DB Schenker", defaultUrl: "https://www.dbschenker.com/global/tracking" },
];

/** Shipping codes and how often orders use them. */
export const SHIPPING_CODE_WEIGHTS = { STD: 20, TRK: 35, REG: 10, EXP: 8, REL: 10, RCO: 6, SO1: 4, MAG: 2, RIM: 2, LV1: 2, LV2: 1 } as const;
export const PICKUP_CODES = new Set(["REL", "RCO", "SO1", "MAG", "RIM"]);

/** Internal states sellers rarely see, plus one this product has never heard of. */
export const UNUSUAL_STATES = ["BlockedFraudSuspicion", "BeingCancelled", "None", "AvailableOnStore", "ReturnPendingInspection"] as const;
