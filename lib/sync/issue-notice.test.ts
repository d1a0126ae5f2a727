// The queue's sync banner in both languages: the marketplace failure in plain words, and
// never a run's technical record (such as the token service's refusal, in English).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncIssue } from "@/lib/orders/queue";
import { syncIssueNotice } from "./issue-notice";

const locale = vi.hoisted(() => ({ current: "fr" as "fr" | "en" }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = { fr: (await import("@/lib/i18n/messages/fr.json")).default, en: (await import("@/lib/i18n/messages/en.json")).default };
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: locale.current, messages: messages[locale.current], namespace: namespace as never }) };
});
beforeEach(() => {
  locale.current = "fr";
});

const failed = (errorKind: string | null, error: string): SyncIssue => ({ shopId: "s", runId: "r", status: "FAILED", finishedAt: null, error, errorKind, unreadableCount: 0 });
const WRONG_PASSWORD = "STS: the API login or password was refused (HTTP 401)";

describe("sync issue notice", () => {
  it("a wrong API password: the connection test's explanation", async () => {
    expect(await syncIssueNotice([failed("authentication", WRONG_PASSWORD)])).toBe(
      "Une boutique a un problème de synchronisation : Cdiscount a refusé l'identifiant ou le mot de passe API. Vérifiez l'identifiant (identifiant vendeur suivi de « -api ») et le mot de passe.",
    );
    locale.current = "en";
    expect(await syncIssueNotice([failed("authentication", WRONG_PASSWORD)])).toBe(
      'One shop has a sync problem: Cdiscount refused the API login or password. Check the login (seller login followed by "-api") and the password.',
    );
  });

  it("a run recorded without its kind: plain words and where to look, not the technical record", async () => {
    expect(await syncIssueNotice([failed(null, WRONG_PASSWORD)])).toBe(
      "Une boutique a un problème de synchronisation : La dernière synchronisation s'est arrêtée sur une erreur. Elle sera relancée automatiquement ; si cela dure, faites vérifier la connexion à Cdiscount (« Tester la connexion » dans la fiche de la boutique).",
    );
    locale.current = "en";
    expect(await syncIssueNotice([failed(null, WRONG_PASSWORD), failed(null, "the sync lease was lost to another syncer")])).toBe(
      "2 shops have a sync problem: The last sync stopped on an error. It will run again automatically; if it lasts, have the Cdiscount connection checked (\"Test the connection\" on the shop's page).",
    );
  });
});
