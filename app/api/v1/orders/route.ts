// GET /api/v1/orders: the back-office API's order list (lib/api).
import { listOrdersRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const GET = listOrdersRoute;
