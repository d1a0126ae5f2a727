// GET /api/v1/orders: the back-office API's order list (lib/api).
import { methodNotAllowed, listOrdersRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const GET = listOrdersRoute;
export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
