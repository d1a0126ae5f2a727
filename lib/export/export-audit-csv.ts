// The audit log as CSV, for the filters the audit page shows: newest first, every page of
// it, streamed a page at a time like the order exports (lib/export/export-orders-csv.ts).
import "server-only";
import type { Db } from "@/lib/db/client";
import { formatCdiscountDate } from "@/lib/cdiscount/dates";
import { listAuditLog, type AuditFilters, type AuditRow } from "@/lib/review/list-audit-log";
import { UTF8_BOM, csvRecords, textCell, type CsvDelimiter } from "./csv";

export const AUDIT_EXPORT_COLUMNS = ["when", "shop", "who", "email", "action", "actionCode", "target", "targetId", "orderNumber", "outcome", "message", "query"] as const;
export type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

export interface AuditCsvFormat {
  delimiter: CsvDelimiter;
  headers: Readonly<Record<AuditExportColumn, string>>;
  /** The words the audit page uses for an action, a target, an outcome and a deleted account. */
  actionLabel(action: string): string;
  targetLabel(targetType: string): string;
  outcomeLabel(outcome: string): string;
  system: string;
}

const AUDIT_EXPORT_PAGE_SIZE = 1_000;

function auditRecord(row: AuditRow, format: AuditCsvFormat): string[] {
  const cells: Record<AuditExportColumn, string> = {
    // Paris wall-clock time, as in the order exports: Excel reads it as a date.
    when: formatCdiscountDate(new Date(row.createdAt)).slice(0, 19).replace("T", " "),
    shop: textCell(row.shopName),
    who: textCell(row.actor?.name ?? format.system),
    email: textCell(row.actor?.email ?? ""),
    action: textCell(format.actionLabel(row.action)),
    actionCode: textCell(row.action),
    target: textCell(format.targetLabel(row.targetType)),
    targetId: textCell(row.targetId),
    orderNumber: textCell(row.orderNumber),
    outcome: textCell(format.outcomeLabel(row.outcome)),
    message: textCell(row.message),
    query: textCell(row.query),
  };
  return AUDIT_EXPORT_COLUMNS.map((c) => cells[c]);
}

export function exportAuditCsv(db: Db, { shopIds, filters, format, pageSize = AUDIT_EXPORT_PAGE_SIZE }: { shopIds: readonly string[]; filters: AuditFilters; format: AuditCsvFormat; pageSize?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvRecords([AUDIT_EXPORT_COLUMNS.map((c) => format.headers[c])], format.delimiter)));
      },
      async pull(controller) {
        if (finished) return;
        const page = await listAuditLog(db, { shopIds, filters, after: cursor, limit: pageSize });
        if (finished) return;
        if (page.rows.length) controller.enqueue(encoder.encode(csvRecords(page.rows.map((r) => auditRecord(r, format)), format.delimiter)));
        cursor = page.nextCursor;
        if (!cursor) {
          finished = true;
          controller.close();
        }
      },
      cancel() {
        finished = true;
      },
    },
    { highWaterMark: 1 },
  );
}
