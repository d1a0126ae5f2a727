"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useLocale, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { setLocaleAction } from "@/lib/i18n/actions";
import { signOutAction } from "@/lib/auth/actions";
import { LOCALES } from "@/lib/i18n/config";

const LOCALE_NAMES = { fr: "Français", en: "English" } as const;

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string | null }) {
  const t = useTranslations("shell");
  const locale = useLocale();
  const { execute: setLocale } = useAction(setLocaleAction);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="rounded-md px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10"
        aria-label={t("userMenu", { name })}
      >
        {name}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <div className="px-3 py-2 text-slate-600">
            <p>{t("signedInAs", { email })}</p>
            {roleLabel ? <p>{t("roleInShop", { role: roleLabel })}</p> : null}
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Label className="px-3 py-1 text-xs font-semibold uppercase text-slate-500">{t("language")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={locale} onValueChange={(value) => setLocale({ locale: value as (typeof LOCALES)[number] })}>
            {LOCALES.map((l) => (
              <DropdownMenu.RadioItem
                key={l}
                value={l}
                lang={l}
                className="flex cursor-pointer items-center justify-between rounded px-3 py-1.5 outline-none data-[highlighted]:bg-slate-100"
              >
                {LOCALE_NAMES[l]}
                <DropdownMenu.ItemIndicator aria-hidden>✓</DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item
            className="cursor-pointer rounded px-3 py-1.5 text-red-700 outline-none data-[highlighted]:bg-red-50"
            onSelect={() => void signOutAction()}
          >
            {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
