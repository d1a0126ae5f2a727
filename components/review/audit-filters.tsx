// The audit log's filters, a plain GET form: shop, person, action, Paris days.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { filterControl, ShopFilter } from "./shop-filter";
import type { ShopMembership } from "@/lib/auth/access";
import type { AuditFacets } from "@/lib/review/list-audit-facets";
import type { AuditParams } from "@/lib/review/review-params";
import { auditActionLabel } from "@/lib/audit/audit-labels";

const control = filterControl;

export async function AuditFilters({ params, shops, facets }: { params: AuditParams; shops: ShopMembership[]; facets: AuditFacets }) {
  const t = await getTranslations("review.audit");
  const active = params.shop || params.user || params.action || params.from || params.to;
  return (
    <form method="get" action="/review/audit" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
      <ShopFilter shops={shops} value={params.shop} label={t("filters.shop")} allLabel={t("filters.allShops")} />
      <label className="text-xs font-medium text-slate-700">
        {t("filters.user")}
        <select name="user" defaultValue={params.user ?? ""} className={control}>
          <option value="">{t("filters.anyone")}</option>
          {facets.actors.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("filters.action")}
        <select name="action" defaultValue={params.action ?? ""} className={control}>
          <option value="">{t("filters.anyAction")}</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(t, a)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("filters.from")}
        <input type="date" name="from" defaultValue={params.from ?? ""} className={control} />
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("filters.to")}
        <input type="date" name="to" defaultValue={params.to ?? ""} className={control} />
      </label>
      <Button type="submit" variant="secondary" size="sm">
        {t("filters.apply")}
      </Button>
      {active ? (
        <Link href="/review/audit" className="text-sm text-brand-700 underline">
          {t("filters.clear")}
        </Link>
      ) : null}
    </form>
  );
}
