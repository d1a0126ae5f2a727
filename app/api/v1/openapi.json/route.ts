// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas.
import { methodNotAllowed, openApiRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const GET = openApiRoute;
export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
