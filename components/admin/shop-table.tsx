import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AdminShopRow } from "@/lib/shops/queries";

export async function ShopTable({ shops }: { shops: AdminShopRow[] }) {
  const t = await getTranslations("admin");
  const tEnv = await getTranslations("environments");
  if (shops.length === 0) return <p className="text-sm text-slate-600">{t("noShops")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.name")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.apiLogin")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.environment")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.members")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.orders")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">{t("manage")}</span></th>
          </tr>
        </thead>
        <tbody>
          {shops.map((s) => (
            <tr key={s.id} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-2 font-medium">{s.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{s.apiLogin}</td>
              <td className="px-4 py-2">{tEnv(s.environment as "SANDBOX")}</td>
              <td className="px-4 py-2 text-right tabular-nums">{s.memberCount}</td>
              <td className="px-4 py-2 text-right tabular-nums">{s.orderCount}</td>
              <td className="px-4 py-2">
                <span className={s.disabled ? "text-slate-500" : "text-emerald-700"}>{s.disabled ? t("disabled") : t("active")}</span>
              </td>
              <td className="px-4 py-2 text-right">
                <Link href={`/admin/shops/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline" aria-label={t("manageShop", { name: s.name })}>
                  {t("manage")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
