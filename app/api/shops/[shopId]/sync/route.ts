// GET: the shop's sync status. POST: "Sync now". Both re-check the session's rights.
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { problemResponse } from "@/lib/errors/http";
import { db } from "@/lib/db/client";
import { getSyncStatus } from "@/lib/sync/status";
import { startManualSync } from "@/lib/sync/manual";
import { assertSameOrigin } from "@/lib/auth/same-origin";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ shopId: string }> };

export async function GET(_request: Request, { params }: Context) {
  try {
    const access = await authorize("orders.read", { shopId: (await params).shopId });
    return NextResponse.json(await getSyncStatus(db, access.shopId));
  } catch (error) {
    return problemResponse(error);
  }
}

export async function POST(request: Request, { params }: Context) {
  try {
    assertSameOrigin(request);
    const access = await authorize("orders.read", { shopId: (await params).shopId });
    await startManualSync(access.shopId, access.actor.id);
    return NextResponse.json(await getSyncStatus(db, access.shopId), { status: 202 });
  } catch (error) {
    return problemResponse(error);
  }
}
