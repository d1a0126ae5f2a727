"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createShopAction, updateShopAction } from "@/lib/shops/actions";
import { SHOP_ENVIRONMENTS, ZCreateShopInput, ZUpdateShopInput } from "@/lib/shops/schemas";
import type { ShopSettings } from "@/lib/shops/queries";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

type ShopFormProps = { mode: "create" } | { mode: "edit"; shop: ShopSettings };

export function ShopForm(props: ShopFormProps) {
  const t = useTranslations("admin");
  const tEnv = useTranslations("environments");
  const router = useRouter();
  const shop = props.mode === "edit" ? props.shop : null;
  const create = useFormAction(ZCreateShopInput, createShopAction, {
    onSuccess: (data) => data && router.push(`/admin/shops/${data.shopId}`),
  });
  const update = useFormAction(ZUpdateShopInput, updateShopAction);
  const form = props.mode === "create" ? create : update;

  return (
    <form
      className="grid max-w-2xl gap-4"
      noValidate
      action={(formData) => (shop ? update.submit(formData, { shopId: shop.id }) : create.submit(formData))}
    >
      {form.serverError ? <Alert tone="error">{form.serverError}</Alert> : null}
      {props.mode === "edit" && update.hasSucceeded ? <Alert tone="success">{t("saved")}</Alert> : null}
      <TextField label={t("fields.name")} name="name" defaultValue={shop?.name} errors={form.fieldErrors("name")} required />
      <TextField
        label={t("fields.apiLogin")}
        name="apiLogin"
        defaultValue={shop?.apiLogin}
        hint={t("fields.apiLoginHint")}
        errors={form.fieldErrors("apiLogin")}
        autoComplete="off"
        required
      />
      <TextField
        label={t("fields.apiPassword")}
        name="apiPassword"
        type="password"
        autoComplete="new-password"
        hint={shop ? `${shop.hasPassword ? t("fields.apiPasswordStored") + " " : ""}${t("fields.apiPasswordKeep")}` : undefined}
        errors={form.fieldErrors("apiPassword")}
        required={!shop}
      />
      <SelectField
        label={t("fields.environment")}
        name="environment"
        defaultValue={shop?.environment ?? "SANDBOX"}
        errors={form.fieldErrors("environment")}
        options={SHOP_ENVIRONMENTS.map((e) => ({ value: e, label: tEnv(e) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("fields.syncIntervalMinutes")}
          name="syncIntervalMinutes"
          type="number"
          min={1}
          max={1440}
          defaultValue={shop?.syncIntervalMinutes ?? 15}
          errors={form.fieldErrors("syncIntervalMinutes")}
        />
        <TextField
          label={t("fields.initialImportDays")}
          name="initialImportDays"
          type="number"
          min={1}
          max={90}
          defaultValue={shop?.initialImportDays ?? 30}
          errors={form.fieldErrors("initialImportDays")}
        />
      </div>
      <div>
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? t("saving") : shop ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
