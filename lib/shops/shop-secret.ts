import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

// The shop id is bound into the ciphertext: a password copied onto another shop row
// does not decrypt.
const context = (shopId: string) => `shop:${shopId}:api-password`;

export function encryptShopPassword(shopId: string, password: string): string {
  return encryptSecret(password, context(shopId));
}

export function decryptShopPassword(shopId: string, envelope: string): string {
  return decryptSecret(envelope, context(shopId));
}
