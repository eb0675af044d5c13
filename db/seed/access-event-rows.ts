// Builds a year of normalized access events for the demo company as COPY text, lazily, so 300 000
// rows never sit in memory as one string. Deterministic for a given random seed and `now`.
import { createActorDirectory, type ActorDirectory, type AuditSource } from "@/db/seed/access-event-actors";
import {
  DAY_MS,
  OPS,
  WINDOW_DAYS,
  op,
  refFor,
  type EventSecret,
  type EventSpec,
  type Operation,
} from "@/db/seed/access-event-model";
import { storyEvents } from "@/db/seed/access-event-stories";
import type { Random } from "@/db/seed/random";

const FAILURE_RATE = 0.025;
const CHUNK_ROWS = 2000;

type Weighted = readonly (readonly [Operation, number])[];
const WORKLOAD_OPS: Record<AuditSource, Weighted> = {
  cloudtrail: [[OPS.getSecretValue, 95], [OPS.describeSecret, 5]],
  vault: [[OPS.vaultRead, 96], [op("read", "describe", "metadata"), 4]],
};
const HUMAN_OPS: Record<AuditSource, Weighted> = {
  cloudtrail: [
    [OPS.getSecretValue, 30],
    [OPS.describeSecret, 38],
    [OPS.putSecretValue, 9],
    [op("UpdateSecret", "update"), 6],
    [op("TagResource", "tag_change"), 7],
    [op("UntagResource", "tag_change"), 2],
    [OPS.putResourcePolicy, 3],
    [op("ListSecretVersionIds", "list"), 5],
  ],
  vault: [
    [OPS.vaultRead, 35],
    [op("read", "describe", "metadata"), 30],
    [OPS.vaultList, 12],
    [OPS.vaultUpdate, 15],
    [op("patch", "update", "data"), 5],
    [op("update", "tag_change", "metadata"), 3],
  ],
};
const FAILURES: Record<AuditSource, readonly (readonly [string, number])[]> = {
  cloudtrail: [["AccessDeniedException", 5], ["ThrottlingException", 3], ["ResourceNotFoundException", 1]],
  vault: [["permission denied", 9], ["rate limit quota exceeded", 1]],
};

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is null.
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const field = (value: string | null) =>
  value === null ? "\\N" : value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string);

export const COPY_COLUMNS =
  "occurred_at, source_kind, raw_id, secret_id, secret_ref, action, raw_action, result, error_code, actor, actor_type, auth_source, source_ip, user_agent";

function createLineWriter(random: Random) {
  let sequence = 0;
  const hex32 = () => (Math.floor(random.next() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, "0");
  // uuid-shaped like CloudTrail event ids and Vault request ids; the tail is a counter, so unique.
  const rawId = () => {
    const a = hex32();
    const b = hex32();
    const tail = (++sequence).toString(16).padStart(12, "0");
    return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-${"89ab"[random.int(0, 3)]}${hex32().slice(0, 3)}-${tail}`;
  };
  return (e: EventSpec) =>
    [
      e.at.toISOString(),
      e.source,
      rawId(),
      field(e.secretId),
      field(e.ref),
      e.op.action,
      e.op.raw,
      e.error ? "failure" : "success",
      field(e.error ?? null),
      field(e.actor.name),
      e.actor.type,
      field(e.actor.auth),
      field(e.actor.ip),
      field(e.actor.userAgent),
    ].join("\t") + "\n";
}

/** When a secret may have been touched: since it existed, and never in the last 90 days if it is quiet. */
function accessWindow(secret: EventSecret, now: Date): [number, number] {
  const start = now.getTime() - WINDOW_DAYS * DAY_MS;
  const lower = Math.max(start, secret.createdAt?.getTime() ?? start);
  const upper = secret.quiet ? now.getTime() - 91 * DAY_MS : now.getTime();
  return [lower, upper];
}

/** Relative traffic by tier: payment and auth keys are read far more than low-impact integrations. */
const TIER_TRAFFIC: Record<number, number> = { 1: 8, 2: 5, 3: 2, 4: 1 };

function secretWeight(secret: EventSecret, now: Date) {
  const [lower, upper] = accessWindow(secret, now);
  if (upper - lower < DAY_MS) return 0;
  const traffic = TIER_TRAFFIC[secret.tier ?? 3] ?? 2;
  const environment = secret.environment === "staging" ? 0.35 : 1;
  return traffic * environment * (secret.quiet ? 0.15 : 1) * (1 + 0.5 * secret.consumers.length);
}

function randomEvent(args: { secret: EventSecret; random: Random; directory: ActorDirectory; now: Date }): EventSpec {
  const { secret, random, directory, now } = args;
  const { source, account, environment, area } = secret;
  const humanShare = source === "cloudtrail" ? 0.07 : 0.09;
  const isHuman = secret.humans.length > 0 && random.chance(secret.consumers.length === 0 ? 0.3 : humanShare);
  const consumer = secret.consumers.length > 0 ? random.pick(secret.consumers) : null;
  const actor = isHuman
    ? directory.human({ source, account, personKey: random.pick(secret.humans) })
    : random.pick(
        source === "cloudtrail"
          ? directory.awsWorkloads({ account, environment, consumer, area })
          : directory.vaultWorkloads({ environment, consumer, area }),
      );
  const operation = random.weighted((isHuman ? HUMAN_OPS : WORKLOAD_OPS)[source]);
  const [lower, upper] = accessWindow(secret, now);
  const u = random.next();
  let at = lower + (upper - lower) * (random.chance(0.4) ? Math.sqrt(u) : u); // usage grows over the year
  if (isHuman) {
    const day = new Date(at);
    day.setUTCHours(7 + random.int(0, 11), random.int(0, 59), random.int(0, 59), random.int(0, 999));
    const weekday = day.getUTCDay(); // people mostly work Monday to Friday
    if ((weekday === 0 || weekday === 6) && random.chance(0.85)) {
      day.setUTCDate(day.getUTCDate() - (weekday === 0 ? 2 : 1));
    }
    at = Math.min(upper - 1, Math.max(lower, day.getTime()));
  }
  return {
    at: new Date(at),
    source,
    secretId: secret.id,
    ref: refFor(secret, operation.ref),
    op: operation,
    actor,
    error: random.chance(FAILURE_RATE) ? random.weighted(FAILURES[source]) : undefined,
  };
}

/** Exactly `count` COPY lines in chunks: the scripted stories first, then everyday traffic. */
export function* generateAccessEventChunks(args: {
  secrets: readonly EventSecret[];
  now: Date;
  count: number;
  random: Random;
}): Generator<string> {
  const { secrets, now, count, random } = args;
  const directory = createActorDirectory(random);
  const writeLine = createLineWriter(random);
  const stories = storyEvents({ secrets, now, directory, random }).slice(0, count);

  const cumulative: number[] = [];
  let total = 0;
  for (const secret of secrets) cumulative.push((total += secretWeight(secret, now)));
  const pickSecret = () => {
    const roll = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) > roll) high = mid;
      else low = mid + 1;
    }
    return secrets[low] as EventSecret;
  };

  const events = function* () {
    yield* stories;
    for (let i = stories.length; i < count && total > 0; i++) {
      yield randomEvent({ secret: pickSecret(), random, directory, now });
    }
  };
  let chunk = "";
  let rows = 0;
  for (const event of events()) {
    chunk += writeLine(event);
    if (++rows % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
