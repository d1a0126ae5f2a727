// GET /api/v1/orders/:id: one order of the token's shop (lib/api).
import { methodNotAllowed, getOrderRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const GET = getOrderRoute;
export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
