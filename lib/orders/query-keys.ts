// The one query-key factory for orders. Invalidating `orderKeys.all` refreshes every
// queue page, count and detail after an action.
export const orderKeys = {
  all: ["orders"] as const,
  queues: () => [...orderKeys.all, "queue"] as const,
  /** `search` is the canonical query string (queueParamsToSearch): one cache entry per view. */
  queue: (search: string) => [...orderKeys.queues(), search] as const,
  details: () => [...orderKeys.all, "detail"] as const,
  detail: (orderId: string) => [...orderKeys.details(), orderId] as const,
};

/** GET a JSON document of ours; a problem+json answer becomes an Error with its status. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  return (await response.json()) as T;
}
