// GET /api/orders/:id: the order detail, for its background refresh. Another shop's
// order is a 404, like a missing one.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { problemResponse } from "@/lib/errors/http";
import { authorizeQueue } from "@/lib/orders/queue-access";
import { getOrderDetail } from "@/lib/orders/queue";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  try {
    const { readableShops } = await authorizeQueue("all");
    const detail = await getOrderDetail(db, { shopIds: readableShops.map((s) => s.shopId), orderId: (await params).orderId });
    if (!detail) throw new AppError("NOT_FOUND", { message: "No such order in the user's shops" });
    return NextResponse.json(detail);
  } catch (error) {
    return problemResponse(error);
  }
}
