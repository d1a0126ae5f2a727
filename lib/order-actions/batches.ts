// Cutting a list into calls of a size the marketplace handles. Kept apart from the
// server-only modules so test support (the e2e specs' seeding) can use it too.

/** Order numbers per GetOrderList and per ValidateOrderList call: small answers, few calls. */
export const ORDERS_PER_CALL = 50;

export function chunks<T>(items: readonly T[], size = ORDERS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
