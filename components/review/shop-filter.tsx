// The shop picker of the review filters (a GET form): shown only to people with several shops.
import type { ShopMembership } from "@/lib/auth/access";

export const filterControl = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

export function ShopFilter({ shops, value, label, allLabel }: { shops: ShopMembership[]; value: string | null; label: string; allLabel: string }) {
  if (shops.length <= 1) return null;
  return (
    <label className="text-xs font-medium text-slate-700">
      {label}
      <select name="shop" defaultValue={value ?? ""} className={filterControl}>
        <option value="">{allLabel}</option>
        {shops.map((s) => (
          <option key={s.shopId} value={s.shopId}>
            {s.shopName}
          </option>
        ))}
      </select>
    </label>
  );
}
