// Any other path under /api/v1: a problem+json 404 rather than the desk's HTML page.
import { unknownApiRoute } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export const GET = unknownApiRoute;
export const POST = unknownApiRoute;
export const PUT = unknownApiRoute;
export const PATCH = unknownApiRoute;
export const DELETE = unknownApiRoute;
