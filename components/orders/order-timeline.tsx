"use client";
// The order's history in one list: Cdiscount's state changes (at Cdiscount's time), our
// actions with who asked and what became of them, the attempts that failed, and the
// team's notes. Cdiscount is quoted only where it refused an action; why an attempt
// failed otherwise is the desk's account, in the seller's language.
import { useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/order-actions/action-failure";
import { failureCause, failureWords } from "@/lib/order-actions/failure-words";
import type { TimelineEntry } from "@/lib/orders/queue";
import { statusInfo } from "@/lib/orders/status";
import { useOrderFormat } from "./order-format";

export function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations("orders.timeline");
  const tAll = useTranslations();
  const actionLabel = useTranslations("orderActions.actions");
  const format = useOrderFormat();
  const label = (status: Parameters<typeof statusInfo>[0] | null) => (status ? statusInfo(status).label[format.locale] : t("unknown"));
  if (!entries.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {[...entries].reverse().map((entry) => (
        <li key={`${entry.type}-${entry.id}`} data-entry={entry.type} className="text-sm">
          <time dateTime={entry.at} className="block text-xs text-slate-500">
            {format.dateTime(entry.at)}
          </time>
          {entry.type === "stateChange" ? (
            <p>{entry.fromStatus ? t("stateChange", { from: label(entry.fromStatus), to: label(entry.toStatus) }) : t("created", { status: label(entry.toStatus) })}</p>
          ) : null}
          {entry.type === "action" ? (
            <p>
              {t("action", {
                action: actionLabel(entry.action),
                who: entry.requestedBy?.name ?? t("someone"),
                outcome: t(`outcomes.${entry.failure?.reason === "refused" ? "REFUSED" : entry.status}`),
              })}
              {entry.failure ? <span className="mt-1 block rounded bg-red-50 px-2 py-1 text-red-900">{failureWords(entry.failure, tAll)}</span> : null}
              <RecordedDetail failure={entry.failure} />
            </p>
          ) : null}
          {entry.type === "marketplaceError" ? (
            <p>
              {t("attemptFailed")} <span className="rounded bg-amber-50 px-1 text-amber-900">{failureCause(entry.failure, tAll)}</span>
              {entry.retryAt ? <span className="ml-1 text-slate-600">{t("retryAt", { when: format.dateTime(entry.retryAt) })}</span> : null}
              <RecordedDetail failure={entry.failure} />
            </p>
          ) : null}
          {entry.type === "note" ? (
            <div>
              <p className="text-xs text-slate-600">{t("noteBy", { who: entry.author?.name ?? t("someone") })}</p>
              <p className="whitespace-pre-wrap rounded bg-slate-50 px-2 py-1">{entry.body}</p>
            </div>
          ) : null}
          {entry.type === "event" ? <p>{entry.message ?? entry.kind}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** What a row stored before the desk kept why says: shown as recorded, not as Cdiscount's words. */
function RecordedDetail({ failure }: { failure: ActionFailure | null }) {
  const t = useTranslations("orders.timeline");
  if (failure?.reason !== "unrecorded" || !failure.detail) return null;
  return <span className="mt-1 block text-xs text-slate-600">{t("recordedDetail", { detail: failure.detail })}</span>;
}
