// The audit log's filters, a plain GET form: shop, person, action, Paris days.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { ShopMembership } from "@/lib/auth/access";
import type { AuditFacets } from "@/lib/review/list-audit-facets";
import type { AuditParams } from "@/lib/review/review-params";
import { auditActionLabel } from "./audit-labels";

const control = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

export async function AuditFilters({ params, shops, facets }: { params: AuditParams; shops: ShopMembership[]; facets: AuditFacets }) {
  const t = await getTranslations("review.audit");
  const active = params.shop || params.user || params.action || params.from || params.to;
  return (
    <form method="get" action="/review/audit" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
      {shops.length > 1 ? (
        <label className="text-xs font-medium text-slate-700">
          {t("filters.shop")}
          <select name="shop" defaultValue={params.shop ?? ""} className={control}>
            <option value="">{t("filters.allShops")}</option>
            {shops.map((s) => (
              <option key={s.shopId} value={s.shopId}>
                {s.shopName}
              </option>
            ))}
          </select>
        </label>
      ) : null}
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
