// What a review page shows while its figures load: the shape of what is coming, and a
// status message for screen readers.
import { getTranslations } from "next-intl/server";

export async function ReviewSkeleton() {
  const t = await getTranslations("review");
  return (
    <div role="status" className="space-y-4" data-loading>
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="grid gap-4 md:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-36 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
      <div aria-hidden="true" className="h-80 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
