// POST /api/v1/orders/:id/actions: a seller action through the outbox (lib/api).
import { orderActionRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const POST = orderActionRoute;
