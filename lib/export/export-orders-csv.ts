// CSV exports of order lists: the queue (/orders, the same URL params), the canceled
// review and the fulfillment review. Each list gives its orders a page of ids at a time
// (keyset); each read of the stream fetches the next page and its details, so memory
// holds about one page whatever the export's size: a 100,000-order export never sits in
// memory (see npm run bench:export).
import "server-only";
import type { Db } from "@/lib/db/client";
import { listQueueRows } from "@/lib/orders/queue";
import type { QueueParams } from "@/lib/orders/queue-params";
import { listCanceledOrders } from "@/lib/review/list-canceled-orders";
import { listFulfillmentOrderIds } from "@/lib/review/list-fulfillment-orders";
import type { CanceledStatus } from "@/lib/review/cancellation-causes";
import type { DayRange } from "@/lib/review/periods";
import { UTF8_BOM, csvRecords } from "./csv";
import { EXPORT_ORDER_SELECT, headerRecord, orderRecords, type OrderCsvFormat } from "./order-export-columns";

export const EXPORT_PAGE_SIZE = 500;
const DETAIL_SLICE = 250;

/** One page of a list's order ids, in the list's order, and where the next one starts. */
export type OrderIdPages = (after: string | null, pageSize: number) => Promise<{ ids: string[]; nextCursor: string | null }>;

export interface OrderCsvStreamOptions {
  /** Already authorized for the export; every order is checked against them again. */
  shopIds: readonly string[];
  pages: OrderIdPages;
  format: OrderCsvFormat;
  pageSize?: number;
  /** Told after each page read from the database and written out (tests and the benchmark watch it). */
  onPage?: (page: { index: number; orders: number; records: number }) => void;
}

/** The queue list those params show on /orders (its view, filters, search and order). */
export function queueOrderPages(db: Db, { shopIds, params, now }: { shopIds: readonly string[]; params: QueueParams; now: Date }): OrderIdPages {
  return async (after, pageSize) => {
    // The queue's page sizes are the URL's (up to 100); its query takes any size.
    const page = await listQueueRows(db, { shopIds, now, params: { ...params, size: pageSize as QueueParams["size"], after, before: null } });
    return { ids: page.rows.map((r) => r.id), nextCursor: page.nextCursor };
  };
}

/** The canceled review's list: canceled in the range, most recently canceled first. */
export function canceledOrderPages(db: Db, scope: { shopIds: readonly string[]; range: DayRange; statuses: readonly CanceledStatus[] | null }): OrderIdPages {
  return async (after, limit) => {
    const page = await listCanceledOrders(db, { ...scope, after, limit });
    return { ids: page.rows.map((r) => r.id), nextCursor: page.nextCursor };
  };
}

/** The fulfillment review's orders: placed in the range, shipped by Cdiscount or a logistician. */
export function fulfillmentOrderPages(db: Db, scope: { shopIds: readonly string[]; range: DayRange }): OrderIdPages {
  return (after, limit) => listFulfillmentOrderIds(db, { ...scope, after, limit });
}

export function exportOrdersCsv(db: Db, { shopIds, pages, format, pageSize = EXPORT_PAGE_SIZE, onPage }: OrderCsvStreamOptions): ReadableStream<Uint8Array> {
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
          const page = await pages(cursor, pageSize);
          let orders = 0;
          let records = 0;
          // The page's details come in slices, each written out before the next is read: what
          // the process holds at once stays small (and Prisma refuses more bound values than
          // SQLite's 999 in one statement).
          for (let i = 0; i < page.ids.length && !finished; i += DETAIL_SLICE) {
            const slice = page.ids.slice(i, i + DETAIL_SLICE);
            const details = await db.order.findMany({ where: { id: { in: slice } }, select: EXPORT_ORDER_SELECT });
            // The ids come from a scoped query; the shop is checked again all the same.
            const byId = new Map(details.filter((o) => allowed.has(o.shopId)).map((o) => [o.id, o]));
            // The list's order; an order gone between the two reads is left out.
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
