// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas.
import { openApiRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const GET = openApiRoute;
