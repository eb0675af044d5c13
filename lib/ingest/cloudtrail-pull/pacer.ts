// LookupEvents allows 2 requests per second per account per region. Calls to one endpoint and
// region are spaced at least `intervalMs` apart across every pull in this process; the SDK still
// retries a ThrottlingException (another process sharing the account) with backoff.
const nextSlot = new Map<string, number>();

export const LOOKUP_INTERVAL_MS = 500;

export async function pace(key: string, intervalMs = LOOKUP_INTERVAL_MS): Promise<void> {
  const now = Date.now();
  const at = Math.max(now, nextSlot.get(key) ?? 0);
  nextSlot.set(key, at + intervalMs);
  if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
}
