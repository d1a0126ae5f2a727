"use client";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { addMemberAction } from "@/lib/users/actions";
import { ZAddMemberInput } from "@/lib/users/schemas";
import { ROLES } from "@/lib/auth/permissions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

export function AddMemberForm({ shopId }: { shopId: string }) {
  const t = useTranslations("admin.members");
  const tRoles = useTranslations("roles");
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormAction(ZAddMemberInput, addMemberAction, { onSuccess: () => formRef.current?.reset() });
  return (
    <form ref={formRef} noValidate className="grid gap-4" action={(formData) => form.submit(formData, { shopId })}>
      <p className="text-sm text-slate-600">{t("addHint")}</p>
      {form.serverError ? <Alert tone="error">{form.serverError}</Alert> : null}
      {form.hasSucceeded && form.data ? <Alert tone="success">{form.data.created ? t("created") : t("added")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("email")} name="email" type="email" autoComplete="off" errors={form.fieldErrors("email")} required />
        <TextField label={t("name")} name="name" autoComplete="off" errors={form.fieldErrors("name")} />
        <TextField label={t("password")} name="password" type="password" autoComplete="new-password" errors={form.fieldErrors("password")} />
        <SelectField label={t("role")} name="role" defaultValue="SELLER" options={ROLES.map((r) => ({ value: r, label: tRoles(r) }))} />
      </div>
      <div>
        <Button type="submit" disabled={form.isPending}>
          {t("add")}
        </Button>
      </div>
    </form>
  );
}
