// The audit log: who did what, on what, with what outcome, when -- newest first.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/lib/orders/status";
import type { AuditPage } from "@/lib/review/list-audit-log";
import { auditSearch, type AuditParams } from "@/lib/review/review-params";
import { auditActionLabel, auditTargetLabel } from "@/lib/audit/audit-labels";
import { ExportCsvLink } from "./export-csv-link";
import { ListCard } from "./list-card";
import { reviewFormat } from "./review-format";

export async function AuditTable({ page, params, showShop, locale }: { page: AuditPage; params: AuditParams; showShop: boolean; locale: Locale }) {
  const t = await getTranslations("review.audit");
  const f = reviewFormat(locale);
  return (
    <ListCard
      id="audit-list-title"
      title={t("listTitle")}
      caption={t("table.caption")}
      empty={page.rows.length ? null : params.after ? t("emptyPage") : t("empty")}
      actions={<ExportCsvLink list="audit" search={auditSearch(params)} />}
      header={
        <>
                <th scope="col" className="py-2 pr-4 font-medium">{t("table.when")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.who")}</th>
                {showShop ? <th scope="col" className="px-3 py-2 font-medium">{t("table.shop")}</th> : null}
                <th scope="col" className="px-3 py-2 font-medium">{t("table.action")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.target")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.outcome")}</th>
        </>
      }
      pagination={{
        label: t("pagination"),
        firstHref: params.after ? `/review/audit?${auditSearch(params)}` : null,
        firstLabel: t("firstPage"),
        nextHref: page.nextCursor ? `/review/audit?${auditSearch(params, { after: page.nextCursor })}` : null,
        nextLabel: t("nextPage"),
      }}
    >
              {page.rows.map((r) => (
                <tr key={r.id} data-audit-action={r.action}>
                  <td className="whitespace-nowrap py-2 pr-4 tabular-nums text-slate-800">{f.dateTime(r.createdAt)}</td>
                  <td className="px-3 py-2 text-slate-800">{r.actor ? r.actor.name : t("system")}</td>
                  {showShop ? <td className="px-3 py-2 text-slate-800">{r.shopName}</td> : null}
                  <td className="px-3 py-2 text-slate-900">{auditActionLabel(t, r.action)}</td>
                  <td className="px-3 py-2 text-slate-800">
                    {r.targetType === "order" && r.targetId ? (
                      <Link href={`/orders/${r.targetId}`} className="text-brand-700 underline">
                        {t("orderTarget", { number: r.orderNumber ?? r.targetId })}
                      </Link>
                    ) : (
                      <>
                        {auditTargetLabel(t, r.targetType)}
                        {r.targetId ? <span className="ml-1 font-mono text-xs text-slate-600">{r.targetId}</span> : null}
                        {r.query !== null ? <span className="ml-1 text-xs text-slate-600">{t("exportedFilter", { query: r.query || "—" })}</span> : null}
                      </>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={r.outcome === "success" ? "success" : "danger"}>{r.outcome === "success" || r.outcome === "failure" ? t(`outcomes.${r.outcome}`) : r.outcome}</Badge>
                    {r.message ? <p className="mt-1 max-w-md text-xs text-slate-700">{r.message}</p> : null}
                  </td>
                </tr>
              ))}
    </ListCard>
  );
}
