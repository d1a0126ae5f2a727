// The sandbox's behaviour: Cdiscount's rules as the reference describes them, applied
// to the orders in the store. The HTTP layer (server.ts) only translates SOAP.
import { randomBytes } from "node:crypto";
import type { MarketplaceMessage, OrderFilter, RefundResult, ValidateOrderResult } from "../types";
import { REFUND_MODES, REFUND_MOTIVES, VALIDATION_TARGETS } from "../types";
import type { DecodedRefundRequest, DecodedValidateOrder } from "../protocol/operations";
import { requiresCarrierAndTracking } from "@/lib/orders/delivery-modes";
import { CARRIERS } from "./catalog";
import { DEFAULT_TIMINGS, ageOrder, applyDueEvent, applySellerDecision, createOrder, type OrderKind, type SandboxOrder, type Timings } from "./lifecycle";
import { Random } from "./random";
import { SandboxStore, type OrderRow } from "./store";

export interface SandboxConfig {
  seed: number;
  /** New orders per hour and per account, placed as time passes (0: none). */
  ordersPerHour: number;
  /** Calls per minute and per account above which Cdiscount answers Quota. */
  quotaPerMinute: number;
  /** Above this many orders, GetOrderList fails like Cdiscount's SQL timeout. [INF] */
  maxOrdersPerResponse: number;
  timings: Timings;
}

const DEFAULT_CONFIG: SandboxConfig = {
  seed: 20261126,
  ordersPerHour: 0,
  quotaPerMinute: 600,
  maxOrdersPerResponse: 20_000,
  timings: DEFAULT_TIMINGS,
};

const TOKEN_LIFETIME_MS = 48 * 3_600_000;
const DAY = 86_400_000;

export class BusinessError extends Error {
  constructor(
    message: string,
    readonly errors: MarketplaceMessage[],
  ) {
    super(message);
  }
}

export class Sandbox {
  readonly store: SandboxStore;
  private rng: Random;

  constructor(file: string, overrides: Partial<SandboxConfig> = {}) {
    this.store = new SandboxStore(file);
    const saved = this.store.getSetting<Partial<SandboxConfig>>("config", {});
    this.store.setSetting("config", { ...DEFAULT_CONFIG, ...saved, ...overrides, timings: { ...DEFAULT_TIMINGS, ...saved.timings, ...overrides.timings } });
    this.rng = new Random(this.store.getSetting("rng", this.config.seed));
  }

  get config(): SandboxConfig {
    return this.store.getSetting<SandboxConfig>("config", DEFAULT_CONFIG);
  }

  setConfig(patch: Partial<SandboxConfig>): SandboxConfig {
    const current = this.config;
    const next = { ...current, ...patch, timings: { ...current.timings, ...patch.timings } };
    this.store.setSetting("config", next);
    if (patch.seed !== undefined) this.rng = new Random(patch.seed);
    this.saveRng();
    return next;
  }

  /** Sandbox time: the real clock plus what tests fast-forwarded. */
  now(): number {
    return Date.now() + this.store.getSetting("clockOffsetMs", 0);
  }

  advanceClock(ms: number): number {
    this.store.setSetting("clockOffsetMs", this.store.getSetting("clockOffsetMs", 0) + ms);
    this.tick();
    return this.now();
  }

  private saveRng(): void {
    this.store.setSetting("rng", this.rng.seed);
  }

  // ---------------------------------------------------------------- the world moving on

  /** Places the orders due since the last tick and runs the marketplace events now due. */
  tick(): void {
    const now = this.now();
    const { ordersPerHour, timings } = this.config;
    this.store.transaction(() => {
      for (const login of this.store.accounts()) {
        const key = `generatedUntil:${login}`;
        const since = this.store.getSetting<number | null>(key, null);
        if (since === null || ordersPerHour <= 0) {
          this.store.setSetting(key, now);
          continue;
        }
        // Orders arrive at a steady rate; the fraction of an order carries over.
        const intervalMs = 3_600_000 / ordersPerHour;
        let at = since + intervalMs;
        for (; at <= now; at += intervalMs) this.store.saveOrder(login, createOrder(this.rng, { now: at, timings }));
        this.store.setSetting(key, at - intervalMs);
      }
      for (let batch = this.store.dueOrders(now); batch.length; batch = this.store.dueOrders(now)) {
        for (const { login, entry } of batch) {
          while (applyDueEvent(entry, now, timings));
          this.store.saveOrder(login, entry);
        }
      }
      this.saveRng();
    });
  }

  // ---------------------------------------------------------------- accounts and tokens

  createAccount(login: string, password: string): void {
    this.store.upsertAccount(login, password, this.now());
  }

  issueToken(login: string, password: string): string | null {
    const account = this.store.account(login);
    if (!account || account.password !== password) return null;
    const token = randomBytes(16).toString("hex");
    this.store.saveToken(token, login, this.now() + TOKEN_LIFETIME_MS);
    return token;
  }

  loginOfToken(token: string | null): string | undefined {
    return token ? this.store.tokenLogin(token, this.now()) : undefined;
  }

  /** Calls above the configured rate get a Quota error. */
  overQuota(login: string): boolean {
    return this.store.callsSince(login, this.now() - 60_000) > this.config.quotaPerMinute;
  }

  // ---------------------------------------------------------------- seeding (admin)

  /**
   * Adds `count` orders spread over the last `days` days, each moved along its flow as
   * time went by; `sellerAccepts`/`sellerShips` stand for a seller who worked the queue.
   * `frozen`: the orders then stay as they are until someone acts on them (tests that
   * compare the store with the marketplace at an arbitrary moment).
   */
  seed(login: string, count: number, opts: { days?: number; kind?: OrderKind; state?: "fresh"; frozen?: boolean } = {}): string[] {
    const now = this.now();
    const days = opts.days ?? 5;
    const { timings } = this.config;
    const numbers: string[] = [];
    this.store.transaction(() => {
      for (let i = 0; i < count; i++) {
        const createdAt = opts.state === "fresh" ? now - Math.round(this.rng.next() * 60_000) : now - Math.round(this.rng.next() * days * DAY);
        const entry = createOrder(this.rng, { now, createdAt, timings, kind: opts.kind });
        if (opts.state !== "fresh") {
          const accepts = this.rng.chance(0.8);
          const shipDelay = this.rng.chance(0.7) ? Math.round(this.rng.next() * DAY) : null;
          ageOrder(entry, now, timings, accepts, shipDelay === null ? undefined : (e) => (e.order.lastUpdatedDate?.getTime() ?? now) + shipDelay);
        }
        if (opts.frozen) entry.plan.next = null;
        this.store.saveOrder(login, entry);
        numbers.push(entry.order.orderNumber);
      }
      this.saveRng();
    });
    return numbers;
  }

  /** Puts a given order in the store as is (tests that need an exact order). */
  putOrder(login: string, entry: SandboxOrder): void {
    this.store.saveOrder(login, entry);
  }

  // ---------------------------------------------------------------- GetOrderList

  /** The orders a GetOrderList filter selects, as stored rows (the server encodes them). */
  getOrderList(login: string, filter: OrderFilter): OrderRow[] {
    this.tick();
    let rows: OrderRow[];
    if (filter.orderReferenceList) {
      // With order numbers, every other filter is ignored and unknown numbers are skipped.
      rows = this.store.rowsByNumbers(login, filter.orderReferenceList);
    } else {
      if (!filter.states?.length) {
        // Cdiscount ignores date filters without States and returns about a month of orders.
        rows = this.store.rowsInWindow(login, { createdFrom: this.now() - 30 * DAY });
      } else {
        const states = new Set(filter.states);
        rows = this.store
          .rowsInWindow(login, {
            createdFrom: filter.beginCreationDate?.getTime(),
            createdTo: filter.endCreationDate?.getTime(),
            updatedFrom: filter.beginModificationDate?.getTime(),
            updatedTo: filter.endModificationDate?.getTime(),
          })
          .filter((r) => states.has(r.state));
      }
      if (filter.corporationCode) rows = rows.filter((r) => r.corporation === filter.corporationCode);
      const fulfillment = ["MKPFBC", "EXTFBC"];
      if (filter.orderType === "None") rows = rows.filter((r) => !fulfillment.includes(r.mod_ges_log ?? ""));
      else if (filter.orderType) {
        const wanted = filter.orderType === "IsFulfillment" ? fulfillment : [filter.orderType];
        rows = rows.filter((r) => wanted.includes(r.mod_ges_log ?? ""));
      }
    }
    if (rows.length > this.config.maxOrdersPerResponse) {
      throw new BusinessError("Execution Timeout Expired. The timeout period elapsed prior to completion of the operation or the server is not responding.", [
        { type: "UnexpectedException", message: "Execution Timeout Expired." },
      ]);
    }
    return rows;
  }

  // ---------------------------------------------------------------- ValidateOrderList

  validateOrders(login: string, requests: DecodedValidateOrder[], forcedRefusal?: string): ValidateOrderResult[] {
    this.tick();
    const now = this.now();
    const { timings } = this.config;
    return this.store.transaction(() =>
      requests.map((req) => {
        const fail = (type: string, message: string): ValidateOrderResult => ({
          orderNumber: req.orderNumber,
          validated: false,
          errors: [{ type, message }],
          warnings: [],
          lineResults: [],
        });
        if (forcedRefusal) return fail("OrderStateIncoherent", forcedRefusal);
        const entry = this.store.order(login, req.orderNumber);
        if (!entry) return fail("OrderNotFound", `La commande "${req.orderNumber}" est introuvable.`);
        const incoherent = () => fail("OrderStateIncoherent", `Le passage à l'état ${req.orderState} est impossible à ce stade de la commande "${req.orderNumber}".`);
        const from = entry.order.orderState;
        const target = req.orderState;
        if (!(target in VALIDATION_TARGETS)) return incoherent();
        const allowedFrom = target === "AcceptedBySeller" || target === "RefusedBySeller" ? "WaitingForSellerAcceptation" : "WaitingForShipmentAcceptation";
        if (from !== allowedFrom) return incoherent();

        const productLines = entry.order.lines.filter((l) => l.sellerProductId);
        const sent = new Map(req.lines.map((l) => [l.sellerProductId, l]));
        const unknown = req.lines.filter((l) => !productLines.some((p) => p.sellerProductId === l.sellerProductId));
        if (unknown.length) return fail("OrderLineNotFound", `La ligne "${unknown[0]!.sellerProductId}" n'existe pas dans la commande "${req.orderNumber}".`);
        if (productLines.some((p) => !sent.has(p.sellerProductId!))) {
          return fail("MissingField", `Toutes les lignes de la commande "${req.orderNumber}" doivent être envoyées.`);
        }
        const lineState = VALIDATION_TARGETS[target as keyof typeof VALIDATION_TARGETS];
        if (req.lines.some((l) => l.acceptationState !== lineState)) {
          return fail("OrderLineIncoherentState", `L'état des lignes doit être ${lineState} pour la commande "${req.orderNumber}".`);
        }
        if (target === "Shipped") {
          const problem = trackingProblem(entry.order.shippingCode, req);
          if (problem) return fail("OrderTrackingInformationError", problem);
        }
        applySellerDecision(entry, target as keyof typeof VALIDATION_TARGETS, now, timings, {
          carrierName: req.carrierName ?? "",
          trackingNumber: req.trackingNumber,
          trackingUrl: req.trackingUrl,
        });
        this.store.saveOrder(login, entry);
        return {
          orderNumber: req.orderNumber,
          validated: true,
          errors: [],
          warnings: [],
          lineResults: req.lines.map((l) => ({ sellerProductId: l.sellerProductId, updated: true, errors: [] })),
        };
      }),
    );
  }

  // ---------------------------------------------------------------- CreateRefundVoucher

  refund(login: string, req: DecodedRefundRequest): RefundResult {
    this.tick();
    const now = this.now();
    const invalid = () => new BusinessError("Demande de remboursement invalide", []);
    const entry = req.orderNumber ? this.store.order(login, req.orderNumber) : undefined;
    if (!entry || entry.order.orderState !== "Shipped") throw invalid();
    if (req.sellerRefunds.length === 0 && req.commercialGestures.length === 0) throw invalid();
    const results: RefundResult["sellerRefunds"] = [];
    for (const r of req.sellerRefunds) {
      const line = entry.order.lines.find((l) => l.sellerProductId && l.sellerProductId === r.sellerProductId);
      const validEnums = (REFUND_MOTIVES as readonly (string | null)[]).includes(r.motive) && (REFUND_MODES as readonly (string | null)[]).includes(r.mode);
      if (!line || !validEnums || line.acceptationState === "RefundedAfterShipping") throw invalid();
      const value = (Math.round(Number(line.purchasePrice) * 100) + (r.refundShippingCharges ? Math.round(Number(line.unitShippingCharges) * 100) : 0)) / 100;
      results.push({ sellerProductId: line.sellerProductId, ean: line.productEan, motive: r.motive, value: String(value), success: true, errorMessage: null });
    }
    for (const g of req.commercialGestures) {
      if (!g.amount || Number(g.amount) <= 0 || g.motiveId === null || g.motiveId < 131 || g.motiveId > 139) throw invalid();
    }
    this.store.transaction(() => {
      for (const r of results) {
        const line = entry.order.lines.find((l) => l.sellerProductId === r.sellerProductId)!;
        line.acceptationState = "RefundedAfterShipping";
        entry.order.vouchers.push({ createDate: new Date(now), amount: r.value, motiveId: null, source: "Seller" });
      }
      for (const g of req.commercialGestures) entry.order.vouchers.push({ createDate: new Date(now), amount: g.amount, motiveId: g.motiveId, source: "Seller" });
      entry.order.lastUpdatedDate = new Date(now);
      entry.order.modifiedDate = new Date(now);
      this.store.saveOrder(login, entry);
    });
    return { orderNumber: req.orderNumber, sellerRefunds: results, commercialGestures: req.commercialGestures.map((g) => ({ amount: g.amount, motiveId: g.motiveId })) };
  }

  carriers() {
    return CARRIERS;
  }

  close(): void {
    this.store.close();
  }
}

/** Cdiscount's tracking rules (reference §1.6) and the TRK/REG requirement. */
function trackingProblem(shippingCode: string | null, req: DecodedValidateOrder): string | null {
  const carrier = req.carrierName?.trim();
  const tracking = req.trackingNumber?.trim();
  if (requiresCarrierAndTracking(shippingCode) && (!carrier || !tracking)) {
    return `Le transporteur et le numéro de suivi sont obligatoires pour expédier la commande "${req.orderNumber}" (mode de livraison ${shippingCode}).`;
  }
  if (tracking && (tracking.length > 50 || /[\s,&*$]/.test(tracking))) {
    return `Le numéro de suivi "${tracking}" est invalide : 50 caractères maximum, sans espace ni , & * $.`;
  }
  const url = req.trackingUrl?.trim();
  if (url && (url.length > 255 || !/^https?:\/\//i.test(url))) {
    return "L'URL de suivi doit commencer par http:// ou https:// et faire 255 caractères au plus.";
  }
  return null;
}
