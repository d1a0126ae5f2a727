// Every review page and its data go through here: the signed-in user's review access,
// on top of the one authorization rule (lib/auth).
import "server-only";
import { currentActor } from "@/lib/auth/authorize";
import { reviewAccessFor, type ReviewAccess } from "./review-access";

export async function authorizeReview(shop: string | null): Promise<ReviewAccess> {
  return reviewAccessFor(await currentActor(), shop);
}
