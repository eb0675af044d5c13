// TTLs as people write them: 900 (seconds), 90s, 15m, 1h, 7d. Written back in the largest unit that
// divides exactly, so an export never changes a value.
import { quote } from "@/lib/sources/inventory-file/problems";
import type { Parsed } from "@/lib/sources/inventory-file/values";

const UNIT_SECONDS = { d: 86_400, h: 3_600, m: 60, s: 1 } as const;
const MAX_SECONDS = 2_147_483_647; // the column is a Postgres integer

export function parseDuration(value: string): Parsed<number> {
  const match = value.trim().match(/^(\d+)\s*([smhd]?)$/i);
  const fail = (why: string) => ({ ok: false as const, message: `${quote(value)} ${why}` });
  if (!match) return fail("is not a duration: write seconds (900) or a number with s, m, h or d (15m, 1h, 7d)");
  const unit = (match[2] || "s").toLowerCase() as keyof typeof UNIT_SECONDS;
  const seconds = Number(match[1]) * UNIT_SECONDS[unit];
  if (seconds <= 0) return fail("is not a duration: a TTL is longer than 0");
  if (seconds > MAX_SECONDS) return fail(`is too long for a TTL (at most ${MAX_SECONDS} seconds)`);
  return { ok: true, value: seconds };
}

export function formatDuration(seconds: number): string {
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
