"use client";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { removeMemberAction, setMemberRoleAction } from "@/lib/users/actions";
import { ROLES } from "@/lib/auth/permissions";
import type { ShopMember } from "@/lib/shops/queries";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function MemberList({ shopId, members, currentUserId }: { shopId: string; members: ShopMember[]; currentUserId: string }) {
  const t = useTranslations("admin.members");
  const tRoles = useTranslations("roles");
  const setRole = useAction(setMemberRoleAction);
  const remove = useAction(removeMemberAction);
  const error = setRole.result.serverError ?? remove.result.serverError;
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 font-medium">{t("email")}</th>
            <th scope="col" className="py-2 font-medium">{t("name")}</th>
            <th scope="col" className="py-2 font-medium">{t("role")}</th>
            <th scope="col" className="py-2"><span className="sr-only">{t("remove")}</span></th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} className="border-b border-slate-100" data-member={m.email}>
              <td className="py-2">
                {m.email}
                {m.userId === currentUserId ? <span className="ml-2 text-xs text-slate-500">({t("you")})</span> : null}
              </td>
              <td className="py-2">{m.name}</td>
              <td className="py-2">
                <select
                  aria-label={t("roleOf", { email: m.email })}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1"
                  value={m.role}
                  disabled={setRole.isPending}
                  onChange={(e) => setRole.execute({ shopId, userId: m.userId, role: e.target.value as (typeof ROLES)[number] })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {tRoles(r)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-2 text-right">
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("removeMember", { email: m.email })}
                  disabled={remove.isPending}
                  onClick={() => remove.execute({ shopId, userId: m.userId })}
                >
                  {t("remove")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
