// Who shows up in Lumen Pay's audit logs, spelled the way CloudTrail and the Vault audit device
// spell them. Addresses come from the documentation ranges (RFC 5737, RFC 2544) and private space.
import type { consumerKind } from "@/db/schema";
import { DEMO_DOMAIN } from "@/db/seed/demo-data";
import type { Random } from "@/db/seed/random";

export type AuditSource = "cloudtrail" | "vault";
export type ActorType = "human" | "workload" | "service" | "root" | "unknown";
export type Actor = { name: string; type: ActorType; auth: string; ip: string; userAgent: string };
export type ConsumerRef = { name: string; kind: (typeof consumerKind.enumValues)[number] };

const OFFICE_VPN = "203.0.113.";
const CI_RUNNERS = "198.51.100.";
const SAAS_EGRESS = "198.18.7.";
export const JONAS_HOME_IP = "192.0.2.77";

const AWS_WORKLOAD_AGENTS = [
  "aws-sdk-js/3.637.0 ua/2.1 os/linux#6.1.102 lang/js md/nodejs#20.17.0 api/secrets-manager#3.637.0",
  "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/secretsmanager#1.32.3",
  "Boto3/1.34.162 md/Botocore#1.34.162 ua/2.0 os/linux#6.1.102 md/arch#x86_64 lang/python#3.12.5",
];
export const AWS_CLI_AGENT = "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.11.9";
export const AWS_CONSOLE_AGENT = "AWS Internal";
const VAULT_WORKLOAD_AGENTS = ["Go-http-client/2.0", "vault-agent/1.17.2", "hvac/2.3.0"];
export const VAULT_CLI_AGENT = "vault/v1.17.2 (+https://www.vaultproject.io/; go1.22.5)";

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/^github actions: /, "github-actions-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

type ConsumerKind = ConsumerRef["kind"];
type Identity = { role: string; session: string };

/** How each kind of consumer appears in CloudTrail: the IAM role it assumes and its session name. */
const AWS_IDENTITY: Record<ConsumerKind, (args: { base: string; env: string; random: Random }) => Identity> = {
  service: ({ base, env, random }) => ({
    role: base.endsWith("-staging") ? base : `${base}-${env}`,
    session: `i-0${random.hex(16)}`,
  }),
  job: ({ base, env, random }) => ({ role: `${base}-${env}`, session: random.hex(32) }),
  ci_pipeline: ({ base }) => ({ role: base, session: "GitHubActions" }),
  saas_integration: ({ base }) => ({ role: `${base}-integration`, session: base }),
};

function addressOf(kind: ConsumerKind, environment: string | null, random: Random) {
  if (kind === "ci_pipeline") return CI_RUNNERS + random.int(2, 254);
  if (kind === "saas_integration") return SAAS_EGRESS + random.int(2, 254);
  return `10.${environment === "staging" ? 21 : 20}.${random.int(0, 15)}.${random.int(2, 254)}`;
}

/** Actors, built once and reused: each consumer runs as a few sessions, each with its own address. */
export function createActorDirectory(random: Random) {
  const cache = new Map<string, Actor[]>();
  const remember = (key: string, build: () => Actor[]) => {
    let actors = cache.get(key);
    if (!actors) cache.set(key, (actors = build()));
    return actors;
  };

  function awsWorkloads(args: { account: string; environment: string | null; consumer: ConsumerRef | null; area: string }) {
    const { account, environment, consumer, area } = args;
    return remember(`cloudtrail|${account}|${consumer?.name ?? area}`, () => {
      const kind = consumer?.kind ?? "service";
      const base = consumer ? slugOf(consumer.name) : `${area}-app`;
      const userAgent = random.pick(AWS_WORKLOAD_AGENTS);
      return Array.from({ length: 3 }, (): Actor => {
        const { role, session } = AWS_IDENTITY[kind]({ base, env: environment ?? "prod", random });
        const name = `arn:aws:sts::${account}:assumed-role/${role}/${session}`;
        return { name, type: "workload", auth: "assumed-role", ip: addressOf(kind, environment, random), userAgent };
      });
    });
  }

  function vaultWorkloads(args: { environment: string | null; consumer: ConsumerRef | null; area: string }) {
    const { environment, consumer, area } = args;
    return remember(`vault|${consumer?.name ?? area}`, (): Actor[] => {
      const kind = consumer?.kind ?? "service";
      const auth = kind === "service" ? "kubernetes" : "approle";
      const name = `${auth}/${consumer ? slugOf(consumer.name) : `${area}-app`}`;
      const userAgent = random.pick(VAULT_WORKLOAD_AGENTS);
      return [{ name, type: "workload", auth, ip: addressOf(kind, environment, random), userAgent }];
    });
  }

  function human(args: { source: AuditSource; account: string; personKey: string }): Actor {
    const { source, account, personKey } = args;
    return remember(`${source}|${account}|human|${personKey}`, () => [
      source === "cloudtrail"
        ? {
            name: `arn:aws:iam::${account}:user/${personKey}`,
            type: "human",
            auth: "iam-user",
            ip: OFFICE_VPN + random.int(10, 40),
            userAgent: random.chance(0.6) ? AWS_CLI_AGENT : AWS_CONSOLE_AGENT,
          }
        : {
            name: `oidc/${personKey}@${DEMO_DOMAIN}`,
            type: "human",
            auth: "oidc",
            ip: OFFICE_VPN + random.int(10, 40),
            userAgent: VAULT_CLI_AGENT,
          },
    ])[0] as Actor;
  }

  return { awsWorkloads, vaultWorkloads, human };
}

export type ActorDirectory = ReturnType<typeof createActorDirectory>;

export function keyledgerSyncActor(args: { source: AuditSource; account: string }): Actor {
  return args.source === "cloudtrail"
    ? {
        name: `arn:aws:sts::${args.account}:assumed-role/keyledger-metadata-reader/keyledger-sync`,
        type: "workload",
        auth: "assumed-role",
        ip: "10.20.0.12",
        userAgent: "keyledger/0.1.0 aws-sdk-js/3.637.0 api/secrets-manager#3.637.0",
      }
    : {
        name: "approle/keyledger-sync",
        type: "workload",
        auth: "approle",
        ip: "10.20.0.12",
        userAgent: "keyledger/0.1.0",
      };
}

/** Secrets Manager itself, when a rotation Lambda schedule fires. */
export function rotationServiceActor(): Actor {
  const principal = "secretsmanager.amazonaws.com";
  return { name: principal, type: "service", auth: "aws-service", ip: principal, userAgent: principal };
}
