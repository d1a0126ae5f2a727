// GET /api/v1/orders/:id: one order of the token's shop (lib/api).
import { getOrderRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const GET = getOrderRoute;
