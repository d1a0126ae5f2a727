// What the order queue tells the seller when a shop's latest sync failed: the kind of
// marketplace failure in plain words, with what to do -- the same words "Tester la
// connexion" uses -- rather than the run's technical record (kept for the status API).
import "server-only";
import { getTranslations } from "next-intl/server";
import { MARKETPLACE_ERROR_KINDS, type MarketplaceErrorKind } from "@/lib/cdiscount/errors";
import type { SyncIssue } from "@/lib/orders/queue";

const isMarketplaceErrorKind = (kind: string | null): kind is MarketplaceErrorKind => (MARKETPLACE_ERROR_KINDS as readonly string[]).includes(kind ?? "");

export async function syncIssueNotice(issues: readonly SyncIssue[]): Promise<string | null> {
  const first = issues[0];
  if (!first) return null;
  const [t, tConnection] = await Promise.all([getTranslations("orders"), getTranslations("connection")]);
  // A failed run without a kind -- recorded before the kind was kept, or stopped by a failure
  // of the desk -- has only its technical record (English, e.g. the token service's refusal):
  // the seller gets plain words and where to look instead. So does a run that finished
  // but could not read some orders: its record lists them with the parser's reasons.
  const detail = isMarketplaceErrorKind(first.errorKind)
    ? tConnection(`errors.${first.errorKind}`)
    : first.status === "FAILED"
      ? t("syncFailed")
      : t("syncUnreadable", { count: first.unreadableCount });
  return `${t("syncIssue", { count: issues.length })} ${detail}`;
}
