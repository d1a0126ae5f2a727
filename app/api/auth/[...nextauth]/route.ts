import { authRouteHandlers } from "@/lib/auth/auth-routes";

export const { GET, POST } = authRouteHandlers;
