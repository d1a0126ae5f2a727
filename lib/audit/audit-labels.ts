// Audit actions and targets in words. Actions are open-ended strings ("order.ship",
// "order.ship.request", "member.add"...): a known one has its label, any other is shown
// as recorded, never hidden.
type Translator = {
  (key: string): string;
  has(key: string): boolean;
};

export function auditActionLabel(t: unknown, action: string): string {
  const tr = t as Translator;
  const key = `actions.${action.replace(/\./g, "_")}`;
  return tr.has(key) ? tr(key) : action;
}

export function auditTargetLabel(t: unknown, targetType: string): string {
  const tr = t as Translator;
  const key = `targets.${targetType}`;
  return tr.has(key) ? tr(key) : targetType;
}
