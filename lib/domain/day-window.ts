// "The last N days" as the access log's `from` filter says it: from the start of the UTC day N days
// ago. The overview's and the secret page's counts use the same date as the link they open, so the
// number and the rows behind it are one range.
const DAY = 86_400_000;

export function windowStart(days: number, now = new Date()): string {
  return new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);
}
