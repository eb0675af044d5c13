// Can the engineers we have keep the policy we announced? Pure.
//
// Workload: every secret on a schedule rotates 30 / intervalDays times a month; times the minutes
// one safe rotation takes gives monthly minutes, against engineer-hours × 60 of capacity.
// High-impact secrets are those held to tier 1–2 (an unknown tier counts as tier 1), static (an
// unknown lifetime counts as static) and not exempt.
// Minutes per rotation: the number asked for (input), else the median acknowledged → completed time
// of completed tasks when at least MIN_SAMPLES are known, else the setting. A span longer than
// MAX_SAMPLE_MINUTES (a working day) measures waiting, not work — acknowledged on Friday, done on
// Monday — and is left out rather than counted.
// When it does not fit, the suggestions say what would: narrow the scope to high-impact secrets,
// automate the most frequent rotations, or lengthen the tier 3–4 intervals (all of them if tier 1–2
// alone do not fit).
export const DAYS_PER_MONTH = 30;
export const MIN_SAMPLES = 3;
export const MAX_SAMPLE_MINUTES = 8 * 60;
const LIST_LIMIT = 50;
const AUTOMATE_LIMIT = 10;

export type CapacitySecret = {
  id: string;
  name: string;
  /** The secret's effective policy interval; null when exempt. */
  intervalDays: number | null;
  highImpact: boolean;
  /** The store can rotate it itself (AWS Secrets Manager rotation, Vault dynamic credentials…). */
  automatable: boolean;
};

export type MinutesSource = "completed_tasks" | "input" | "setting";
export type SuggestedSecret = { id: string; name: string };
export type Suggestion = { kind: "narrow_scope" | "automate" | "lengthen_interval"; text: string; secrets?: SuggestedSecret[] };
export type Capacity = {
  highImpactSecrets: number;
  scheduledSecrets: number;
  rotationsPerMonth: number;
  minutesPerRotation: number;
  minutesSource: MinutesSource;
  measured: { medianMinutes: number | null; samples: number };
  engineerHoursPerMonth: number;
  monthlyMinutes: number;
  capacityMinutes: number;
  fits: boolean;
  shortfallMinutes: number;
  suggestions: Suggestion[];
};

const perMonth = (s: CapacitySecret) => (s.intervalDays ? DAYS_PER_MONTH / s.intervalDays : 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Median of the samples of a working day or less; null with fewer than MIN_SAMPLES of them. */
export function medianMinutes(samples: readonly number[]): number | null {
  const valid = samples.filter((m) => Number.isFinite(m) && m > 0 && m <= MAX_SAMPLE_MINUTES).sort((a, b) => a - b);
  if (valid.length < MIN_SAMPLES) return null;
  const mid = Math.floor(valid.length / 2);
  const median = valid.length % 2 ? (valid[mid] as number) : ((valid[mid - 1] as number) + (valid[mid] as number)) / 2;
  return Math.max(1, Math.round(median));
}

export function chooseMinutes(args: { input?: number; samples: readonly number[]; setting: number }): { minutes: number; source: MinutesSource; median: number | null } {
  const median = medianMinutes(args.samples);
  if (args.input !== undefined) return { minutes: args.input, source: "input", median };
  if (median !== null) return { minutes: median, source: "completed_tasks", median };
  return { minutes: args.setting, source: "setting", median };
}

export function computeCapacity(args: {
  secrets: readonly CapacitySecret[];
  minutes: { minutes: number; source: MinutesSource; median: number | null };
  samples: number;
  engineerHoursPerMonth: number;
}): Capacity {
  const { secrets, minutes, engineerHoursPerMonth } = args;
  const scheduled = secrets.filter((s) => s.intervalDays !== null);
  const rotations = sum(scheduled.map(perMonth));
  const monthlyMinutes = Math.round(rotations * minutes.minutes);
  const capacityMinutes = Math.round(engineerHoursPerMonth * 60);
  const fits = monthlyMinutes <= capacityMinutes;
  return {
    highImpactSecrets: scheduled.filter((s) => s.highImpact).length,
    scheduledSecrets: scheduled.length,
    rotationsPerMonth: round1(rotations),
    minutesPerRotation: minutes.minutes,
    minutesSource: minutes.source,
    measured: { medianMinutes: minutes.median, samples: args.samples },
    engineerHoursPerMonth,
    monthlyMinutes,
    capacityMinutes,
    fits,
    shortfallMinutes: Math.max(0, monthlyMinutes - capacityMinutes),
    suggestions: fits ? [] : suggest({ scheduled, minutes: minutes.minutes, monthlyMinutes, capacityMinutes }),
  };
}

function suggest(args: { scheduled: CapacitySecret[]; minutes: number; monthlyMinutes: number; capacityMinutes: number }): Suggestion[] {
  const { scheduled, minutes, monthlyMinutes, capacityMinutes } = args;
  const cost = (s: CapacitySecret) => perMonth(s) * minutes;
  const suggestions: Suggestion[] = [];
  const high = scheduled.filter((s) => s.highImpact);
  const low = scheduled.filter((s) => !s.highImpact).sort((a, b) => cost(b) - cost(a));
  const lowMinutes = Math.round(sum(low.map(cost)));
  const highMinutes = Math.round(sum(high.map(cost)));

  if (low.length) {
    const after = monthlyMinutes - lowMinutes <= capacityMinutes ? ", which fits" : `, still ${monthlyMinutes - lowMinutes - capacityMinutes} min over`;
    suggestions.push({
      kind: "narrow_scope",
      text: `Keep scheduled rotation for the ${high.length} high-impact secrets (tier 1–2) and exempt the ${low.length} lower-tier ones or move them to short-lived credentials: saves ${lowMinutes} min a month${after}.`,
      secrets: low.slice(0, LIST_LIMIT).map(({ id, name }) => ({ id, name })),
    });
  }

  const candidates = [...scheduled].sort((a, b) => Number(b.automatable) - Number(a.automatable) || cost(b) - cost(a));
  const picked: CapacitySecret[] = [];
  let remaining = monthlyMinutes;
  for (const secret of candidates) {
    if (remaining <= capacityMinutes || picked.length >= AUTOMATE_LIMIT) break;
    picked.push(secret);
    remaining -= cost(secret);
  }
  if (picked.length) {
    const saved = Math.round(monthlyMinutes - remaining);
    const after = remaining <= capacityMinutes ? ", which fits" : `, still ${Math.round(remaining - capacityMinutes)} min over`;
    suggestions.push({
      kind: "automate",
      text: `Automate rotation of these ${picked.length} secrets (the store's own rotation, e.g. AWS Secrets Manager rotation or Vault dynamic database credentials): saves ${saved} min a month${after}.`,
      secrets: picked.map(({ id, name }) => ({ id, name })),
    });
  }

  if (capacityMinutes > 0) {
    if (low.length && highMinutes < capacityMinutes) {
      const factor = Math.ceil((lowMinutes / (capacityMinutes - highMinutes)) * 10) / 10;
      if (factor > 1) {
        suggestions.push({
          kind: "lengthen_interval",
          text: `Lengthen the tier 3–4 intervals ${factor}× (e.g. 365 → ${Math.ceil(365 * factor)} days) and keep tier 1–2 as they are: that fits ${capacityMinutes} min a month.`,
        });
      }
    } else {
      const factor = Math.ceil((monthlyMinutes / capacityMinutes) * 10) / 10;
      suggestions.push({
        kind: "lengthen_interval",
        text: `Even tier 1–2 alone need ${highMinutes} min a month: every interval would have to be ${factor}× longer (e.g. 90 → ${Math.ceil(90 * factor)} days) to fit ${capacityMinutes} min — or add engineer-hours.`,
      });
    }
  }
  return suggestions;
}
