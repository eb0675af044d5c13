// The only place that reads process.env (docs/architecture.md, rule 11). Everything is validated once,
// lazily, so a bad configuration fails at start with one clear line and `next build` needs no
// configuration.
import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// or postgresql:// URL" }).optional(),
    KEYLEDGER_DATA_DIR: z.string().min(1).default(".data"),
    KEYLEDGER_PG_PORT: port(54329),
    PORT: port(3000),
    // The address the web server listens on. Loopback unless the operator asks for more (docs/security.md).
    KEYLEDGER_HOST: z.string().trim().min(1).default("127.0.0.1"),
    // How many reverse proxies in front of Keyledger append to X-Forwarded-For; 0 = trust none of it.
    KEYLEDGER_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    KEYLEDGER_DEMO: z.enum(["auto", "on", "off", "force"]).default("auto"),
    // Set by `keyledger start` for the web process when it started the embedded database itself.
    KEYLEDGER_EMBEDDED: z.enum(["0", "1"]).default("0"),
    KEYLEDGER_WORKER: z.enum(["on", "off"]).default("on"),
    ADMIN_EMAILS: list,
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    GITHUB_CLIENT_ID: z.string().min(1).optional(),
    GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    // Sign-in attempts allowed per address and per account in one window, for every provider.
    KEYLEDGER_SIGNIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    KEYLEDGER_SIGNIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    KEYLEDGER_SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    // Where the worker may read store credentials from: variable names (a trailing * is a prefix) and one directory.
    KEYLEDGER_CREDENTIAL_ENV: z.string().optional(),
    KEYLEDGER_CREDENTIAL_DIR: z.string().min(1).optional(),
    // Sources may point at link-local / cloud-metadata addresses only when this is on.
    KEYLEDGER_ALLOW_LINK_LOCAL: z.enum(["on", "off"]).default("off"),
    // Request bodies: JSON bodies, and the inventory-file upload (bytes).
    KEYLEDGER_JSON_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
    KEYLEDGER_INVENTORY_MAX_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Records per committed ingest batch (each batch commits with the file's checkpoint).
    KEYLEDGER_INGEST_BATCH: z.coerce.number().int().min(100).max(100_000).default(5_000),
    // The largest audit-log upload the API accepts (bytes as sent, before gunzip).
    KEYLEDGER_INGEST_MAX_BYTES: z.coerce.number().int().min(1024).default(256 * 1024 * 1024),
    // The same upload after gunzip: a small gzip may not expand past this.
    KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024 * 1024),
    // Records one ingest run stores in quarantine; past it bad records are counted, not stored.
    KEYLEDGER_QUARANTINE_MAX: z.coerce.number().int().min(1).default(10_000),
    // Rotation reminders (e-mail and Slack digests). Each channel is off until configured.
    KEYLEDGER_REMINDERS: z.enum(["on", "off"]).default("on"),
    KEYLEDGER_SMTP_URL: z
      .url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465" })
      .optional(),
    KEYLEDGER_MAIL_FROM: z.string().trim().regex(/@/, 'must be a sender address, e.g. "Keyledger <keyledger@example.com>"').optional(),
    // A Slack incoming webhook URL is a credential: set it here only, it is never logged or shown.
    KEYLEDGER_SLACK_WEBHOOK_URL: z
      .url({ protocol: /^https?$/, message: "must be a Slack incoming webhook URL (https://hooks.slack.com/services/…)" })
      .refine((u) => u.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(u), "must use https (plain http only to localhost)")
      .optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together" });
    }
    if (Boolean(env.GITHUB_CLIENT_ID) !== Boolean(env.GITHUB_CLIENT_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_CLIENT_ID"], message: "GitHub sign-in needs GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET together" });
    }
    if (env.KEYLEDGER_SMTP_URL && !env.KEYLEDGER_MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["KEYLEDGER_MAIL_FROM"], message: 'e-mail reminders need a sender with KEYLEDGER_SMTP_URL, e.g. "Keyledger <keyledger@example.com>"' });
    }
    if (hasRealProvider(env) && (env.KEYLEDGER_DEMO === "on" || env.KEYLEDGER_DEMO === "force")) {
      ctx.addIssue({
        code: "custom",
        path: ["KEYLEDGER_DEMO"],
        message: `demo sign-in is never offered beside a real sign-in provider (OIDC or GitHub): unset KEYLEDGER_DEMO (it is ${env.KEYLEDGER_DEMO}) or the provider`,
      });
    }
    if (env.DATABASE_URL && env.KEYLEDGER_EMBEDDED === "0" && env.KEYLEDGER_DEMO === "on") {
      ctx.addIssue({
        code: "custom",
        path: ["KEYLEDGER_DEMO"],
        message:
          "demo sign-in lets anyone act as any demo persona, so it is refused against an external DATABASE_URL; " +
          "use KEYLEDGER_DEMO=force only for a throw-away demo server",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/**
 * A few settings validated as the schema declares them, read afresh rather than from env()'s cache
 * (a source is judged by the configuration in force each time it is checked). Only these keys are
 * parsed: the rest of the environment is not the caller's business.
 */
export function readSettings<K extends keyof Env>(keys: readonly K[], source: Record<string, string | undefined> = process.env): Pick<Env, K> {
  const out = {} as Pick<Env, K>;
  for (const key of keys) {
    const schema = envSchema.shape[key as keyof typeof envSchema.shape];
    const parsed = schema.safeParse(source[key] === "" ? undefined : source[key]);
    if (!parsed.success) throw new ConfigError(`Invalid configuration:\n  ${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    out[key] = parsed.data as Env[K];
  }
  return out;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Points this process at another database (tests and benchmarks use a throw-away one): getDb() and
 * `keyledger` commands opened afterwards use it. Validated with the rest on the next env().
 */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}

/** OIDC or GitHub sign-in is configured: people sign in as themselves. */
export function hasRealProvider(e: Pick<Env, "OIDC_ISSUER" | "GITHUB_CLIENT_ID">): boolean {
  return Boolean(e.OIDC_ISSUER || e.GITHUB_CLIENT_ID);
}

/**
 * Demo sign-in (persona picker) is on for the embedded default, off against an external database,
 * and never beside a real provider: a persona picker next to SSO would be a way around it.
 */
export function isDemoMode(e: Env = env()): boolean {
  if (e.KEYLEDGER_DEMO === "off" || hasRealProvider(e)) return false;
  if (e.KEYLEDGER_DEMO === "force") return true;
  return e.KEYLEDGER_EMBEDDED === "1" || !e.DATABASE_URL;
}

/**
 * Where people reach this installation, for links that leave the app (reminders, calendar feeds):
 * NEXTAUTH_URL, else the origin of the request being answered, else localhost on PORT.
 */
export function publicBaseUrl(e: Env = env(), requestOrigin?: string): string {
  return (e.NEXTAUTH_URL ?? requestOrigin ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

/**
 * A store credential named by a source's configuration (`tokenEnv: "VAULT_TOKEN"`). Credentials
 * never live in the database (docs/architecture.md, rule 2); the configuration only says where to find them.
 */
export function readNamedVariable(name: string): string | undefined {
  const value = process.env[name];
  return value === "" ? undefined : value;
}
