// When a source syncs next — one rule for the scheduler (lib/data/sync/due-sources.ts) and for what the source
// page says. In sync: its interval after the last good sync. Failing: retried 5 minutes after the
// failure, then 10, 20, 40… — never later than its interval — so a store that is down for a
// minute comes back soon, and one that stays down is asked no more often than the schedule says.
// The scheduler looks every SCHEDULER_TICK_MINUTES, so a sync starts up to that much after it is due.

export const SCHEDULER_TICK_MINUTES = 5;
const MINUTE = 60_000;

export type SyncState = {
  syncIntervalMinutes: number;
  lastSyncedAt: Date | null;
  /** Failed runs since the last success, and when the latest of them finished. */
  failuresInARow: number;
  lastFailureAt: Date | null;
};

/** How long after a failure the next try waits: doubling from the tick, capped at the interval. */
export function retryDelayMinutes(failuresInARow: number, intervalMinutes: number): number {
  const doubled = SCHEDULER_TICK_MINUTES * 2 ** Math.min(Math.max(failuresInARow - 1, 0), 20);
  return Math.min(doubled, intervalMinutes);
}

/** When the source is due: now or earlier means the next scheduler tick queues it. */
export function nextSyncAt(state: SyncState, now = new Date()): Date {
  if (state.failuresInARow > 0 && state.lastFailureAt) {
    return new Date(state.lastFailureAt.getTime() + retryDelayMinutes(state.failuresInARow, state.syncIntervalMinutes) * MINUTE);
  }
  if (!state.lastSyncedAt) return now;
  return new Date(state.lastSyncedAt.getTime() + state.syncIntervalMinutes * MINUTE);
}

/** An interval in words: "weekly", "daily", "hourly", "every 6 hours", "every 15 minutes". */
export function intervalWords(minutes: number): string {
  const named: Record<number, string> = { 10080: "weekly", 1440: "daily", 60: "hourly" };
  if (named[minutes]) return named[minutes];
  if (minutes % 1440 === 0) return `every ${minutes / 1440} days`;
  if (minutes % 60 === 0) return `every ${minutes / 60} hours`;
  if (minutes > 60) return `every ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `every ${minutes} minutes`;
}

/** The schedules the form offers, and the source's own when it is none of them. */
export const INTERVAL_CHOICES = [15, 30, 60, 360, 720, 1440, 10080];

const LENGTHS: Record<number, string> = { 60: "an hour", 1440: "a day", 10080: "a week" };

/** How a failing source is retried, in words, for the source page. */
export function retryWords(intervalMinutes: number): string {
  if (intervalMinutes <= SCHEDULER_TICK_MINUTES) return `A failed sync is retried ${intervalWords(intervalMinutes)}.`;
  return `A failed sync is retried ${SCHEDULER_TICK_MINUTES} minutes later, then the wait doubles after each failure, up to ${LENGTHS[intervalMinutes] ?? intervalWords(intervalMinutes).replace(/^every /, "")} (the schedule).`;
}
