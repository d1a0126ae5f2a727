// The CSV export of a queue list: the orders /orders shows for the same URL params (the
// queue's own query: same view, filters, search and order), every page of them, as a
// stream. Each read of the stream fetches the next page of orders from the database
// (keyset, EXPORT_PAGE_SIZE orders), so memory holds about one page whatever the export's
// size: a 100,000-order export never sits in memory (see npm run bench:export).
import "server-only";
import type { Db } from "@/lib/db/client";
import { listQueue } from "@/lib/orders/queue";
import type { QueueParams } from "@/lib/orders/queue-params";
import { UTF8_BOM, csvRecords } from "./csv";
import { EXPORT_ORDER_SELECT, headerRecord, orderRecords, type OrderCsvFormat } from "./order-export-columns";

export const EXPORT_PAGE_SIZE = 1_000;
const DETAIL_SLICE = 250;

export interface OrderExportOptions {
  /** Already authorized for orders.export (authorizeOrderExport). */
  shopIds: readonly string[];
  params: QueueParams;
  /** One instant for the whole export: the late view's deadline is not a moving target. */
  now: Date;
  format: OrderCsvFormat;
  pageSize?: number;
  /** Told after each page read from the database and written out (tests and the benchmark watch it). */
  onPage?: (page: { index: number; orders: number; records: number }) => void;
}

export function exportOrdersCsv(db: Db, { shopIds, params, now, format, pageSize = EXPORT_PAGE_SIZE, onPage }: OrderExportOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const allowed = new Set(shopIds);
  let cursor: string | null = null;
  let index = 0;
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvRecords([headerRecord(format)], format.delimiter)));
      },
      // Called only when the reader wants more: the pace of the download sets the pace of the
      // reads. One call reads one page of orders (or closes); a page whose orders all went away
      // in the meantime gives nothing, so the next is read at once rather than leave the reader
      // waiting.
      async pull(controller) {
        while (!finished) {
          // The queue's page sizes are the URL's (up to 100); its query takes any size.
          const page = await listQueue(db, { shopIds, now, params: { ...params, size: pageSize as QueueParams["size"], after: cursor, before: null } });
          const ids = page.rows.map((r) => r.id);
          let orders = 0;
          let records = 0;
          // The page's details come in slices, each written out before the next is read: what
          // the process holds at once stays small (and Prisma refuses more bound values than
          // SQLite's 999 in one statement).
          for (let i = 0; i < ids.length && !finished; i += DETAIL_SLICE) {
            const slice = ids.slice(i, i + DETAIL_SLICE);
            const details = await db.order.findMany({ where: { id: { in: slice } }, select: EXPORT_ORDER_SELECT });
            // The ids come from the scoped queue query; the shop is checked again all the same.
            const byId = new Map(details.filter((o) => allowed.has(o.shopId)).map((o) => [o.id, o]));
            // The queue's order; an order gone between the two reads is left out.
            const lines = slice.flatMap((id) => {
              const order = byId.get(id);
              return order ? orderRecords(order, format) : [];
            });
            orders += byId.size;
            records += lines.length;
            // The download may have been canceled while the slice was read.
            if (!finished && lines.length) controller.enqueue(encoder.encode(csvRecords(lines, format.delimiter)));
          }
          onPage?.({ index: index++, orders, records });
          if (finished) return;
          cursor = page.nextCursor;
          if (!cursor) {
            finished = true;
            controller.close();
          } else if (records) {
            return;
          }
        }
      },
      cancel() {
        finished = true;
      },
    },
    { highWaterMark: 1 },
  );
}
