"use client";
// Shipping many orders from a CSV file: a dry run lists every row's problems before
// anything is sent; then the valid rows go out in small batches, with a progress bar and
// each order's result (Cdiscount's own message when it refuses).
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Progress } from "@/components/ui/progress";
import { executeBulkShipmentAction, planBulkShipmentAction } from "@/lib/order-actions/actions";
import { SHIPMENT_CSV_TEMPLATE, type ShipmentRow } from "@/lib/order-actions/schemas";

type Plan = NonNullable<Awaited<ReturnType<typeof planBulkShipmentAction>>["data"]>;
type Outcome = NonNullable<Awaited<ReturnType<typeof executeBulkShipmentAction>>["data"]>["outcomes"][number];

/** Rows per request: small enough for the progress bar to move, large enough to batch marketplace calls. */
const ROWS_PER_REQUEST = 25;
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${SHIPMENT_CSV_TEMPLATE}`)}`;

export function BulkShipDialog({ shopId, onClose, onFinished }: { shopId: string; onClose: () => void; onFinished: () => void }) {
  const t = useTranslations("orders.bulkShip");
  const tv = useTranslations("validation");
  const fieldMessages = (errors: Record<string, string[]>) => Object.values(errors).flat().map((key) => (tv.has(key as never) ? tv(key as never) : tv("invalid")));
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  // One key per batch of the plan, kept across a retry of the same plan.
  const batchKeys = useRef<string[]>([]);

  async function check(file: File) {
    setError(null);
    setPlan(null);
    setOutcomes([]);
    setProgress(null);
    setChecking(true);
    try {
      const result = await planBulkShipmentAction({ shopId, csvText: await file.text() });
      if (result?.serverError) setError(result.serverError);
      else if (result?.validationErrors) setError(t("fileRefused"));
      else if (result?.data) {
        setPlan(result.data);
        batchKeys.current = [];
      }
    } finally {
      setChecking(false);
    }
  }

  async function ship() {
    if (!plan) return;
    const rows: ShipmentRow[] = plan.rows.filter((r) => r.ok).map(({ line, orderNumber, carrierName, trackingNumber, trackingUrl }) => ({ line, orderNumber, carrierName, trackingNumber, trackingUrl }));
    const batches: ShipmentRow[][] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_REQUEST) batches.push(rows.slice(i, i + ROWS_PER_REQUEST));
    setProgress({ done: 0, total: rows.length });
    const collected: Outcome[] = [];
    for (const [index, batch] of batches.entries()) {
      batchKeys.current[index] ??= crypto.randomUUID();
      const result = await executeBulkShipmentAction({ shopId, rows: batch, idempotencyKey: batchKeys.current[index]! });
      if (result?.data) collected.push(...result.data.outcomes);
      else {
        setError(result?.serverError ?? t("batchFailed"));
        break;
      }
      setOutcomes([...collected]);
      setProgress({ done: Math.min(rows.length, (index + 1) * ROWS_PER_REQUEST), total: rows.length });
    }
    onFinished();
  }

  const invalid = plan?.rows.filter((r) => !r.ok) ?? [];
  const running = progress !== null && progress.done < progress.total && !error;
  return (
    <Dialog open onOpenChange={(open) => !open && !running && onClose()} title={t("title")} description={t("description")} wide>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm font-medium text-slate-800">
            {t("file")}
            <input
              type="file"
              accept=".csv,text/csv"
              className="mt-1 block text-sm"
              disabled={running}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void check(file);
              }}
            />
          </label>
          <a href={TEMPLATE_HREF} download={t("templateFileName")} className="text-sm text-brand-700 underline">
            {t("template")}
          </a>
        </div>
        {checking ? <p className="text-sm text-slate-600">{t("checking")}</p> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {plan?.problems.length ? (
          <Alert tone="error">
            <ul>{plan.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </Alert>
        ) : null}
        {plan && !plan.problems.length ? (
          <>
            <p className="text-sm" role="status">
              {t("planSummary", { valid: plan.validCount, invalid: invalid.length })}
            </p>
            {invalid.length ? (
              <table className="min-w-full text-sm" aria-label={t("problemsTable")}>
                <thead className="text-left text-xs uppercase text-slate-600">
                  <tr>
                    <th className="py-1 pr-3">{t("line")}</th>
                    <th className="py-1 pr-3">{t("orderNumber")}</th>
                    <th className="py-1">{t("problems")}</th>
                  </tr>
                </thead>
                <tbody>
                  {invalid.map((r) => (
                    <tr key={r.line} data-line={r.line} className="border-t border-slate-100">
                      <td className="py-1 pr-3 tabular-nums">{r.line}</td>
                      <td className="py-1 pr-3 font-mono text-xs">{r.orderNumber || "—"}</td>
                      <td className="py-1 text-red-800">{[...r.messages, ...fieldMessages(r.fieldErrors)].join(" ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </>
        ) : null}
        {progress ? <Progress value={progress.done} max={progress.total} label={t("progress", { done: progress.done, total: progress.total })} /> : null}
        {outcomes.length ? (
          <ul className="max-h-64 space-y-1 overflow-y-auto text-sm" aria-label={t("results")}>
            {outcomes.map((o) => (
              <li key={`${o.line}`} data-outcome={o.status} className={o.status === "succeeded" ? "text-emerald-800" : o.status === "failed" || o.status === "rejected" ? "text-red-800" : "text-slate-700"}>
                <span className="font-mono text-xs">{o.orderNumber}</span> — {o.message}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={running}>
            {progress && !running ? t("close") : t("cancel")}
          </Button>
          {plan && plan.validCount > 0 && !progress ? <Button onClick={() => void ship()}>{t("submit", { count: plan.validCount })}</Button> : null}
        </div>
      </div>
    </Dialog>
  );
}
