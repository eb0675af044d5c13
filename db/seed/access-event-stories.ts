// Scripted audit-log stories the demo must always tell, plus the year's rotations and Keyledger's
// own daily metadata syncs (ListSecrets / LIST — never a value read).
import {
  AWS_CLI_AGENT,
  AWS_CONSOLE_AGENT,
  JONAS_HOME_IP,
  VAULT_CLI_AGENT,
  keyledgerSyncActor,
  rotationServiceActor,
  type Actor,
  type ActorDirectory,
  type AuditSource,
} from "@/db/seed/access-event-actors";
import {
  DAY_MS,
  OPS,
  WINDOW_DAYS,
  refFor,
  type EventSecret,
  type EventSpec,
  type Operation,
} from "@/db/seed/access-event-model";
import { AWS_PROD_ACCOUNT, AWS_REGION, JONAS_OFFBOARDED_DAYS_AGO } from "@/db/seed/demo-data";
import type { Random } from "@/db/seed/random";

/** Refs that match no registered secret: a deleted AWS secret still asked for, a Vault path nobody registered. */
export const UNREGISTERED_AWS_REF = `arn:aws:secretsmanager:${AWS_REGION}:${AWS_PROD_ACCOUNT}:secret:prod/legacy/mailgun-api-key-Qx81Lm`;
export const UNREGISTERED_VAULT_REF = "kv/data/growth/braze-api-key";

export function storyEvents(args: {
  secrets: readonly EventSecret[];
  now: Date;
  directory: ActorDirectory;
  random: Random;
}): EventSpec[] {
  const { secrets, now, directory, random } = args;
  const byKey = new Map(secrets.map((secret) => [secret.key, secret]));
  const events: EventSpec[] = [];
  const at = (daysAgo: number, hours: number, minutes: number) =>
    new Date(now.getTime() - daysAgo * DAY_MS + (hours * 60 + minutes) * 60_000);
  const on = (key: string, when: Date, op: Operation, actor: Actor, error?: string) => {
    const secret = byKey.get(key);
    if (!secret || (secret.createdAt && secret.createdAt > when)) return;
    events.push({ at: when, source: secret.source, secretId: secret.id, ref: refFor(secret, op.ref), op, actor, error });
  };

  // The offboarded payments contractor: his IAM user was never removed, and he still reads his keys.
  const jonas = (account: string): Actor => ({
    name: `arn:aws:iam::${account}:user/jonas`,
    type: "human",
    auth: "iam-user",
    ip: JONAS_HOME_IP,
    userAgent: AWS_CLI_AGENT,
  });
  const prodAdyen = byKey.get("aws-prod:adyen-api-key");
  const stagingAdyen = byKey.get("aws-staging:adyen-api-key");
  if (prodAdyen) {
    const actor = jonas(prodAdyen.account);
    on(prodAdyen.key, at(JONAS_OFFBOARDED_DAYS_AGO + 24, 10, 12), OPS.getSecretValue, actor);
    on(prodAdyen.key, at(JONAS_OFFBOARDED_DAYS_AGO + 11, 15, 40), OPS.getSecretValue, actor);
    on(prodAdyen.key, at(20, 21, 14), OPS.getSecretValue, actor);
    on(prodAdyen.key, at(6, 2, 37), OPS.getSecretValue, actor);
    on("aws-prod:fireblocks-api-key", at(19, 22, 9), OPS.getSecretValue, actor, "AccessDeniedException");
  }
  if (stagingAdyen) {
    on(stagingAdyen.key, at(19, 22, 3), OPS.describeSecret, jonas(stagingAdyen.account));
    on(stagingAdyen.key, at(19, 22, 4), OPS.getSecretValue, jonas(stagingAdyen.account));
  }

  // A new actor on a tier-1 secret: nobody on the platform team had read the bank key before.
  const bank = byKey.get("aws-prod:bank-sftp-key");
  if (bank) {
    const elena = directory.human({ source: "cloudtrail", account: bank.account, personKey: "elena" });
    on(bank.key, at(4, 16, 20), OPS.getSecretValue, elena);
    on(bank.key, at(3, 9, 5), OPS.getSecretValue, elena);
  }

  // Root at midnight.
  const root: Actor = {
    name: `arn:aws:iam::${AWS_PROD_ACCOUNT}:root`,
    type: "root",
    auth: "root",
    ip: "203.0.113.24",
    userAgent: AWS_CONSOLE_AGENT,
  };
  on("aws-prod:rds-master-password", at(44, 23, 51), OPS.describeSecret, root);
  on("aws-prod:rds-master-password", at(44, 23, 52), OPS.getSecretValue, root);
  const vaultRoot: Actor = { name: "token/root", type: "root", auth: "token", ip: "10.20.3.7", userAgent: VAULT_CLI_AGENT };
  on("vault:backup-encryption-key", at(130, 3, 12), OPS.vaultRead, vaultRoot);

  // Unregistered refs: secret_id stays null.
  const notifications = directory.awsWorkloads({
    account: AWS_PROD_ACCOUNT,
    environment: "prod",
    consumer: { name: "notifications-service", kind: "service" },
    area: "growth",
  });
  for (let i = 0; i < 16; i++) {
    const actor = notifications[i % notifications.length] as Actor;
    events.push({
      at: at(200 - i * 12, 4, 10 + i),
      source: "cloudtrail",
      secretId: null,
      ref: UNREGISTERED_AWS_REF,
      op: OPS.getSecretValue,
      actor,
      error: "ResourceNotFoundException",
    });
  }
  const braze: Actor = { name: "approle/braze-sync", type: "workload", auth: "approle", ip: "198.18.7.41", userAgent: "hvac/2.3.0" };
  for (let i = 0; i < 12; i++) {
    const when = at(180 - i * 15, 5, 30);
    events.push({ at: when, source: "vault", secretId: null, ref: UNREGISTERED_VAULT_REF, op: OPS.vaultRead, actor: braze });
  }

  events.push(...rotationEvents({ secrets, now, directory, random }));
  events.push(...syncEvents({ secrets, now, random }));
  return events;
}

/** One event per rotation inside the window, at the secret's lastRotatedAt. */
function rotationEvents(args: { secrets: readonly EventSecret[]; now: Date; directory: ActorDirectory; random: Random }) {
  const { secrets, now, directory, random } = args;
  const start = now.getTime() - WINDOW_DAYS * DAY_MS;
  const quietSince = now.getTime() - 91 * DAY_MS;
  return secrets.flatMap((secret): EventSpec[] => {
    const when = secret.lastRotatedAt?.getTime();
    if (when === undefined || when < start || when >= now.getTime() || secret.shortLived) return [];
    if (secret.quiet && when >= quietSince) return [];
    const person = secret.operator ?? secret.humans[0];
    const human = person ? directory.human({ source: secret.source, account: secret.account, personKey: person }) : null;
    const at = new Date(when);
    if (secret.source === "vault") {
      if (!human) return [];
      return [{ at, source: "vault", secretId: secret.id, ref: refFor(secret, "data"), op: OPS.vaultUpdate, actor: human }];
    }
    const actor = human && random.chance(0.5) ? human : rotationServiceActor();
    return [{ at, source: "cloudtrail", secretId: secret.id, ref: secret.externalId, op: OPS.rotateSecret, actor }];
  });
}

/** Keyledger's nightly metadata sync of every AWS account and the Vault mount. */
function syncEvents(args: { secrets: readonly EventSecret[]; now: Date; random: Random }) {
  const { secrets, now, random } = args;
  const awsAccounts = [...new Set(secrets.filter((s) => s.source === "cloudtrail").map((s) => s.account))].sort();
  const hasVault = secrets.some((s) => s.source === "vault");
  const events: EventSpec[] = [];
  for (let day = WINDOW_DAYS; day >= 1; day--) {
    const base = now.getTime() - day * DAY_MS + 3 * 3_600_000;
    const sync = (source: AuditSource, account: string, ref: string | null, op: Operation) => {
      const actor = keyledgerSyncActor({ source, account });
      events.push({ at: new Date(base + random.int(0, 600_000)), source, secretId: null, ref, op, actor });
    };
    for (const account of awsAccounts) sync("cloudtrail", account, null, OPS.listSecrets);
    if (hasVault) sync("vault", "vault", "kv/metadata/", OPS.vaultList);
  }
  return events;
}
