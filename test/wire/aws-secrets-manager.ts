// A local AWS Secrets Manager for tests, the dev script and benchmarks, speaking the service's
// JSON 1.1 protocol as the API reference defines it: POST /, `X-Amz-Target: secretsmanager.<Op>`,
// application/x-amz-json-1.1 bodies, epoch-seconds timestamps, errors as {"__type", "message"}.
// The region of a call is read from its SigV4 credential scope, so one server plays every region.
// It holds metadata only: GetSecretValue/BatchGetSecretValue answer (and are recorded) without any value.
import { createHash } from "node:crypto";
import { AREA_TEAM, SECRET_TEMPLATES } from "@/db/seed/demo-catalog";
import { AWS_PROD_ACCOUNT, DEMO_PEOPLE, demoEmail } from "@/db/seed/demo-data";
import { createRandom } from "@/db/seed/random";
import { startWireServer, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export type AwsOperation = "ListSecrets" | "DescribeSecret" | "ListSecretVersionIds" | "GetSecretValue" | "BatchGetSecretValue";
export type AwsWireVersion = { VersionId: string; VersionStages: string[]; CreatedDate: Date; LastAccessedDate?: Date };
export type AwsWireSecret = {
  region: string;
  ARN: string;
  Name: string;
  Type?: string;
  Description?: string;
  KmsKeyId?: string;
  RotationEnabled?: boolean;
  RotationLambdaARN?: string;
  RotationRules?: { AutomaticallyAfterDays?: number; Duration?: string; ScheduleExpression?: string };
  CreatedDate: Date;
  LastChangedDate?: Date;
  LastRotatedDate?: Date;
  LastAccessedDate?: Date;
  NextRotationDate?: Date;
  DeletedDate?: Date;
  Tags?: { Key: string; Value: string }[];
  OwningService?: string;
  PrimaryRegion?: string;
  /** Labelled and deprecated (unlabelled) versions. None: created without a value. */
  versions: AwsWireVersion[];
};
export type AwsWireFaults = {
  /** The first N calls answer 400 ThrottlingException. */
  throttle?: number;
  /** The N calls after any throttled ones answer 500 InternalServiceError. */
  serverErrors?: number;
  /** These operations answer 400 AccessDeniedException. */
  deny?: AwsOperation[];
  /** Every call answers 400 ExpiredTokenException. */
  expiredToken?: boolean;
  /** The `call`-th call (1-based, default 1) of `operation` answers 200 with `body` (default: cut-off JSON). */
  malformed?: { operation: AwsOperation; call?: number; body?: string };
};
export type AwsWireServer = WireServer & { secrets: AwsWireSecret[] };

const JSON_11 = { "content-type": "application/x-amz-json-1.1" };
const epoch = (date?: Date) => (date ? date.getTime() / 1000 : undefined);
const token = (region: string, offset: number) => Buffer.from(JSON.stringify({ region, offset })).toString("base64");

function fail(operation: string, status: number, type: string, message: string, field: "message" | "Message" = "Message"): WireResponse {
  return { operation, status, headers: JSON_11, body: { __type: type, [field]: message } };
}

const labelled = (secret: AwsWireSecret) => secret.versions.filter((v) => v.VersionStages.length > 0);
const stagesOf = (secret: AwsWireSecret) => (labelled(secret).length ? Object.fromEntries(labelled(secret).map((v) => [v.VersionId, v.VersionStages])) : undefined);

function fieldsOf(secret: AwsWireSecret) {
  const { region: _region, versions: _versions, ...fields } = secret;
  const dates = ["CreatedDate", "LastChangedDate", "LastRotatedDate", "LastAccessedDate", "NextRotationDate", "DeletedDate"] as const;
  return { ...fields, ...Object.fromEntries(dates.map((key) => [key, epoch(secret[key])])) };
}

// Filter keys as the API reference's Filter type defines them: prefix matches, "!" negates.
function matches(secret: AwsWireSecret, filter: { Key?: string; Values?: string[] }): boolean {
  const tags = secret.Tags ?? [];
  const fields: Record<string, [string[], boolean]> = {
    description: [[secret.Description ?? ""], false],
    name: [[secret.Name], true],
    "tag-key": [tags.map((t) => t.Key), true],
    "tag-value": [tags.map((t) => t.Value), true],
    "primary-region": [[secret.PrimaryRegion ?? ""], true],
    "owning-service": [[secret.OwningService ?? ""], true],
    all: [[secret.Name, secret.Description ?? "", ...tags.flatMap((t) => [t.Key, t.Value])], false],
  };
  const [candidates, caseSensitive] = fields[filter.Key ?? ""] ?? [[], true];
  const norm = (s: string) => (caseSensitive ? s : s.toLowerCase());
  return (filter.Values ?? []).some((raw) => {
    const negate = raw.startsWith("!");
    const value = norm(negate ? raw.slice(1) : raw);
    const hit = filter.Key === "all"
      ? value.split(/\s+/).some((word) => candidates.some((c) => norm(c).includes(word)))
      : candidates.some((c) => norm(c).startsWith(value));
    return negate ? !hit : hit;
  });
}

type Body = Record<string, unknown> & { SecretId?: string; MaxResults?: number; NextToken?: string };

export async function startAwsWireServer({ secrets, latencyMs, faults = {} }: { secrets: AwsWireSecret[]; latencyMs?: number; faults?: AwsWireFaults }): Promise<AwsWireServer> {
  let calls = 0;
  const perOperation = new Map<string, number>();

  const handle = (request: WireRequest): WireResponse => {
    const operation = String(request.headers["x-amz-target"] ?? "").replace(/^secretsmanager\./, "") || "unknown";
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\/secretsmanager\//.exec(String(request.headers.authorization ?? ""))?.[1];
    if (request.method !== "POST" || request.path !== "/") return fail(operation, 404, "UnknownOperationException", "Not found", "message");
    if (!region) return fail(operation, 400, "MissingAuthenticationTokenException", "Missing Authentication Token", "message");
    calls++;
    perOperation.set(operation, (perOperation.get(operation) ?? 0) + 1);
    if (faults.expiredToken) return fail(operation, 400, "com.amazon.coral.service#ExpiredTokenException", "The security token included in the request is expired", "message");
    if (calls <= (faults.throttle ?? 0)) return fail(operation, 400, "ThrottlingException", "Rate exceeded", "message");
    if (calls <= (faults.throttle ?? 0) + (faults.serverErrors ?? 0)) return fail(operation, 500, "InternalServiceError", "An error occurred on the server side.");
    if (faults.deny?.includes(operation as AwsOperation)) {
      const action = `secretsmanager:${operation}`;
      return fail(operation, 400, "AccessDeniedException", `User: arn:aws:sts::${AWS_PROD_ACCOUNT}:assumed-role/keyledger-reader/worker is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`);
    }
    if (faults.malformed?.operation === operation && perOperation.get(operation) === (faults.malformed.call ?? 1)) {
      return { operation, headers: JSON_11, body: faults.malformed.body ?? '{"SecretList": [{"ARN": "arn:aws:secretsm' };
    }

    let body: Body;
    try {
      body = request.json<Body>();
    } catch {
      return fail(operation, 400, "SerializationException", "Malformed request body", "message");
    }
    const inRegion = secrets.filter((s) => s.region === region);
    const find = () => inRegion.find((s) => s.ARN === body.SecretId || s.Name === body.SecretId);
    const notFound = () => fail(operation, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    const ok = (payload: unknown): WireResponse => ({ operation, headers: JSON_11, body: payload });
    const page = <T>(items: T[]) => {
      const max = body.MaxResults ?? 100;
      if (!Number.isInteger(max) || max < 1 || max > 100) return { error: fail(operation, 400, "InvalidParameterException", "MaxResults must be between 1 and 100.") };
      let offset = 0;
      if (body.NextToken) {
        try {
          const parsed = JSON.parse(Buffer.from(body.NextToken, "base64").toString("utf8")) as { region: string; offset: number };
          if (parsed.region !== region || !Number.isInteger(parsed.offset)) throw new Error("foreign token");
          offset = parsed.offset;
        } catch {
          return { error: fail(operation, 400, "InvalidNextTokenException", "The NextToken value is invalid.") };
        }
      }
      const slice = items.slice(offset, offset + max);
      return { slice, NextToken: offset + max < items.length ? token(region, offset + max) : undefined };
    };

    switch (operation) {
      case "ListSecrets": {
        const filters = (body.Filters as { Key?: string; Values?: string[] }[] | undefined) ?? [];
        const sortBy = (body.SortBy as string | undefined) ?? "created-date";
        const key = (s: AwsWireSecret) => (sortBy === "name" ? s.Name : (epoch(sortBy === "last-accessed-date" ? s.LastAccessedDate : sortBy === "last-changed-date" ? s.LastChangedDate : s.CreatedDate) ?? 0));
        const listed = inRegion
          .filter((s) => body.IncludePlannedDeletion === true || !s.DeletedDate)
          .filter((s) => filters.every((f) => matches(s, f)))
          .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (body.SortOrder === "desc" ? -1 : 1));
        const result = page(listed);
        if ("error" in result) return result.error!;
        return ok({ SecretList: result.slice.map((s) => ({ ...fieldsOf(s), SecretVersionsToStages: stagesOf(s) })), NextToken: result.NextToken });
      }
      case "DescribeSecret": {
        const secret = find();
        return secret ? ok({ ...fieldsOf(secret), VersionIdsToStages: stagesOf(secret) }) : notFound();
      }
      case "ListSecretVersionIds": {
        const secret = find();
        if (!secret) return notFound();
        const result = page(body.IncludeDeprecated === true ? secret.versions : labelled(secret));
        if ("error" in result) return result.error!;
        const Versions = result.slice.map((v) => ({ ...v, CreatedDate: epoch(v.CreatedDate), LastAccessedDate: epoch(v.LastAccessedDate) }));
        return ok({ ARN: secret.ARN, Name: secret.Name, Versions, NextToken: result.NextToken });
      }
      case "GetSecretValue": {
        const secret = find();
        const current = secret?.versions.find((v) => v.VersionStages.includes("AWSCURRENT"));
        return secret && current ? ok({ ARN: secret.ARN, Name: secret.Name, VersionId: current.VersionId, VersionStages: current.VersionStages, CreatedDate: epoch(current.CreatedDate) }) : notFound();
      }
      case "BatchGetSecretValue": {
        const ids = (body.SecretIdList as string[] | undefined) ?? [];
        const found = inRegion.filter((s) => ids.includes(s.ARN) || ids.includes(s.Name));
        return ok({ SecretValues: found.map((s) => ({ ARN: s.ARN, Name: s.Name })), Errors: [] });
      }
      default:
        return fail(operation, 400, "UnknownOperationException", `Unknown operation ${operation}`, "message");
    }
  };

  const server = await startWireServer(handle, { latencyMs });
  return { ...server, secrets };
}

// ——— deterministic sample metadata (names from the demo catalog, people of Lumen Pay) ———

const BASE = Date.UTC(2026, 0, 15);
const DAY = 86_400_000;
const ENV_TAG: Record<string, string[]> = { prod: ["prod", "production"], staging: ["staging", "stg"], dev: ["dev", "development"] };
const PARTNER_TYPES: Record<string, string> = { "datadog-api-key": "DatadogApiKey", "datadog-app-key": "DatadogApplicationKey" };
const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
const midnight = (ms: number) => new Date(Math.floor(ms / DAY) * DAY);

/** `count` secrets of one region, the same on every run; index i is the same whatever the count. */
export function sampleAwsSecrets(count: number, region = "us-east-1"): AwsWireSecret[] {
  const regionSeed = createHash("sha256").update(region).digest().readUInt32BE(0);
  return Array.from({ length: count }, (_, i) => sampleSecret(i, region, regionSeed));
}

function sampleSecret(i: number, region: string, regionSeed: number): AwsWireSecret {
  const rng = createRandom(regionSeed ^ Math.imul(i + 1, 0x9e3779b1));
  const template = SECRET_TEMPLATES[i % SECRET_TEMPLATES.length]!;
  const cycle = Math.floor(i / SECRET_TEMPLATES.length);
  const env = rng.weighted([["prod", 5], ["staging", 3], ["dev", 2]] as const);
  const rds = template.slug === "rds-master-password";
  const name = rds ? `rds!db-${uuid(rng.hex(32))}` : `${env}/${template.area}/${template.slug}${cycle ? `-${cycle}` : ""}`;
  const owners = DEMO_PEOPLE.filter((p) => p.team === AREA_TEAM[template.area] && p.role === "owner" && !p.offboardedDaysAgo);
  const services = template.consumers.filter((c) => /^[a-z0-9-]+$/.test(c)).map((c) => (env === "prod" ? c : `${c}-${env}`));

  const tags: { Key: string; Value: string }[] = [];
  const tag = (Key: string, Value: string) => tags.push({ Key, Value });
  if (rng.chance(0.9)) tag(rng.pick(["owner", "operator"]), owners.length ? demoEmail(rng.pick(owners).key) : "unknown");
  tag(rng.pick(["env", "environment"]), rng.pick(ENV_TAG[env]!));
  if (rng.chance(0.85)) tag("tier", rng.chance(0.5) ? String(template.tier) : `tier-${template.tier}`);
  if (services.length) tag("service", services.join(" "));
  if (template.tier === 1) tag("approver", demoEmail("sam"));
  if (template.tier === 1 && rng.chance(0.5)) tag("incident-commander", demoEmail(rng.pick(["arjun", "diego"])));
  if (rng.chance(0.5)) tag("provider", template.provider);
  if (rds) tag("aws:rds:primaryDBInstanceArn", `arn:aws:rds:${region}:${AWS_PROD_ACCOUNT}:db:main-${env}`);

  const created = new Date(BASE - rng.int(30, 1500) * DAY - rng.int(0, DAY / 1000) * 1000);
  const rotates = rds || template.tier === 1 ? rng.chance(0.7) : rng.chance(0.25);
  const rotationDays = rds ? 7 : rng.pick([30, 90]);
  const lastRotated = rotates ? new Date(Math.max(created.getTime() + DAY, BASE - rng.int(1, rotationDays + 20) * DAY)) : undefined;
  const changed = new Date(Math.max(lastRotated?.getTime() ?? 0, created.getTime() + rng.int(0, 30) * DAY));
  const accessed = rng.chance(0.85) ? midnight(Math.max(changed.getTime(), BASE - rng.int(0, 200) * DAY)) : undefined;
  const placeholder = i % 50 === 7; // created without a value: no versions at all

  const versions: AwsWireVersion[] = placeholder ? [] : [{ VersionId: uuid(rng.hex(32)), VersionStages: ["AWSCURRENT"], CreatedDate: lastRotated ?? created, LastAccessedDate: accessed }];
  if (!placeholder && lastRotated) {
    versions.push({ VersionId: uuid(rng.hex(32)), VersionStages: ["AWSPREVIOUS"], CreatedDate: new Date(lastRotated.getTime() - rotationDays * DAY) });
    if (rng.chance(0.3)) versions.push({ VersionId: uuid(rng.hex(32)), VersionStages: [], CreatedDate: new Date(lastRotated.getTime() - 2 * rotationDays * DAY) });
  }

  return {
    region,
    ARN: `arn:aws:secretsmanager:${region}:${AWS_PROD_ACCOUNT}:secret:${name}-${rng.alphanumeric(6)}`,
    Name: name,
    Type: PARTNER_TYPES[template.slug],
    Description: placeholder ? `${template.description} (placeholder: value not set yet)` : rng.chance(0.9) ? template.description : undefined,
    KmsKeyId: template.tier === 1 ? `arn:aws:kms:${region}:${AWS_PROD_ACCOUNT}:key/${uuid(rng.hex(32))}` : undefined,
    RotationEnabled: rotates || undefined,
    RotationLambdaARN: rotates && !rds ? `arn:aws:lambda:${region}:${AWS_PROD_ACCOUNT}:function:rotate-${template.provider}` : undefined,
    RotationRules: rotates ? { AutomaticallyAfterDays: rotationDays } : undefined,
    CreatedDate: created,
    LastChangedDate: changed,
    LastRotatedDate: lastRotated,
    LastAccessedDate: accessed,
    NextRotationDate: lastRotated ? new Date(lastRotated.getTime() + rotationDays * DAY) : undefined,
    Tags: tags,
    OwningService: rds ? "rds" : undefined,
    versions,
  };
}
