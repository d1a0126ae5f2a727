"use client";
// Runs a safe action from a <form>: the shared zod schema checks the fields in the
// browser first (instant field messages, nothing sent on bad input), the server checks
// again. Field messages are i18n keys under "validation".
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import type { SingleInputActionFn } from "next-safe-action/hooks";
import type { z } from "zod";

type FieldErrors = Record<string, string[] | undefined>;
interface FlattenedErrors {
  formErrors: string[];
  fieldErrors: FieldErrors;
}

export function useFormAction<Schema extends z.ZodType, Data>(
  schema: Schema,
  action: SingleInputActionFn<string, Schema, FlattenedErrors | undefined, Data>,
  options: { onSuccess?: (data: Data | undefined) => void } = {},
) {
  const t = useTranslations("validation");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { execute, result, isPending, hasSucceeded, reset } = useAction(action, {
    onSuccess: ({ data }) => options.onSuccess?.(data),
  });

  function submit(formData: FormData, extra: Record<string, unknown> = {}) {
    const values = { ...Object.fromEntries(formData.entries()), ...extra };
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "_form");
        (errors[field] ??= []).push(issue.message);
      }
      setClientErrors(errors);
      return;
    }
    setClientErrors({});
    execute(values as Parameters<typeof execute>[0]);
  }

  const translate = (key: string) => (t.has(key as never) ? t(key as never) : t("invalid"));
  const serverFieldErrors = (result.validationErrors as FlattenedErrors | undefined)?.fieldErrors ?? {};

  function fieldErrors(name: string): string[] | undefined {
    const keys = clientErrors[name] ?? serverFieldErrors[name];
    return keys?.length ? keys.map(translate) : undefined;
  }

  return {
    submit,
    fieldErrors,
    serverError: result.serverError as string | undefined,
    isPending,
    hasSucceeded,
    data: result.data as Data | undefined,
    reset,
  };
}
