// GET /api/review/{canceled|fulfillment|audit}/export?<the page's params>[&sep=comma]:
// the list that review page shows, as a CSV download streamed from the database.
import { problemResponse } from "@/lib/errors/http";
import { reviewExportResponse } from "@/lib/export/review-export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  try {
    return await reviewExportResponse((await params).list, new URL(request.url));
  } catch (error) {
    return problemResponse(error);
  }
}
