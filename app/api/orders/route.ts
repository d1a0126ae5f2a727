// GET /api/orders?<queue params>: one page of the queue and every tab's count, for the
// queue's background refresh. The page itself renders the first load on the server.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { authorizeQueue } from "@/lib/orders/queue-access";
import { loadQueuePage } from "@/lib/orders/queue";
import { parseQueueParams } from "@/lib/orders/queue-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const params = parseQueueParams(new URL(request.url).searchParams);
    const { shopIds } = await authorizeQueue(params.shops);
    return NextResponse.json(await loadQueuePage(db, { shopIds, params, now: new Date() }));
  } catch (error) {
    return problemResponse(error);
  }
}
