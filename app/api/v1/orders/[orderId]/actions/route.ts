// POST /api/v1/orders/:id/actions: a seller action through the outbox (lib/api).
import { methodNotAllowed, orderActionRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const POST = orderActionRoute;
export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
