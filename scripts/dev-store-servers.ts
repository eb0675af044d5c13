// Local servers that speak the wire formats of AWS Secrets Manager, Vault and GitHub Actions,
// filled with sample metadata (no values) — the servers the tests use — and what a Keyledger needs
// to sync them: the configuration to paste into Add source and the environment its worker and web
// process must have. Loopback only. Used by `npm start -- --with-dev-stores` (scripts/start.ts),
// which puts that environment into Keyledger's own processes, and by `npm run dev:stores`.
import { sampleAwsSecrets, startAwsWireServer } from "@/test/wire/aws-secrets-manager";
import { sampleGitHubData, startGitHubWireServer, GITHUB_WIRE_TOKEN } from "@/test/wire/github";
import { sampleVaultSecrets, startVaultWireServer, VAULT_WIRE_TOKEN } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";

export type DevStore = { store: string; kind: "aws_secrets_manager" | "vault" | "github_actions"; name: string; url: string; config: Record<string, unknown> };
export type DevStores = { stores: DevStore[]; env: Record<string, string>; instructions: string; close: () => Promise<void> };

/** Names no real deployment uses, so a try-out never shadows a real VAULT_TOKEN or GITHUB_TOKEN. */
export const DEV_STORE_TOKEN_ENV = { vault: "KL_DEV_STORES_VAULT_TOKEN", github: "KL_DEV_STORES_GITHUB_TOKEN" };

type Definition = Omit<DevStore, "url" | "config"> & { start: () => Promise<WireServer>; config: (url: string) => Record<string, unknown> };

const DEFINITIONS: Definition[] = [
  {
    store: "AWS Secrets Manager",
    kind: "aws_secrets_manager",
    name: "AWS · local",
    start: () => startAwsWireServer({ secrets: sampleAwsSecrets(80) }),
    config: (url) => ({ regions: ["us-east-1"], endpoint: url, accountLabel: "local" }),
  },
  {
    store: "Vault KV",
    kind: "vault",
    name: "Vault · local",
    start: () => startVaultWireServer({ secrets: sampleVaultSecrets(60) }),
    config: (url) => ({ address: url, mount: "kv", auth: "token", tokenEnv: DEV_STORE_TOKEN_ENV.vault }),
  },
  {
    store: "GitHub Actions",
    kind: "github_actions",
    name: "GitHub · local",
    start: () => startGitHubWireServer({ ...sampleGitHubData() }),
    config: (url) => ({ org: sampleGitHubData().org.login, apiUrl: url, tokenEnv: DEV_STORE_TOKEN_ENV.github }),
  },
];

/**
 * The environment a Keyledger needs for these stores, given its own: the two token variables,
 * added to (never replacing) what KEYLEDGER_CREDENTIAL_ENV already allows, and — only when no AWS
 * access key is set — a placeholder key for the AWS SDK (the local server checks no signature).
 */
export function devStoresEnv(current: Record<string, string | undefined>): Record<string, string> {
  const allowed = [...(current.KEYLEDGER_CREDENTIAL_ENV ?? "").split(",").map((s) => s.trim()).filter(Boolean), ...Object.values(DEV_STORE_TOKEN_ENV)];
  const aws: Record<string, string> = current.AWS_ACCESS_KEY_ID ? {} : { AWS_ACCESS_KEY_ID: "AKIDLOCALWIRE", AWS_SECRET_ACCESS_KEY: "local-wire-server" };
  return { KEYLEDGER_CREDENTIAL_ENV: [...new Set(allowed)].join(","), [DEV_STORE_TOKEN_ENV.vault]: VAULT_WIRE_TOKEN, [DEV_STORE_TOKEN_ENV.github]: GITHUB_WIRE_TOKEN, ...aws };
}

export async function startDevStores(current: Record<string, string | undefined>): Promise<DevStores> {
  const servers = await Promise.all(DEFINITIONS.map((d) => d.start()));
  const stores = DEFINITIONS.map((d, i) => ({ store: d.store, kind: d.kind, name: d.name, url: servers[i]!.url, config: d.config(servers[i]!.url) }));
  return { stores, env: devStoresEnv(current), instructions: pasteInstructions(stores), close: async () => void (await Promise.all(servers.map((s) => s.close()))) };
}

/** What to paste into Add source, store by store. */
function pasteInstructions(stores: DevStore[]): string {
  return stores
    .map((s) => `  ${s.store} on ${s.url}\n    Add source → Store: ${s.store} · Name: ${s.name} · Configuration (JSON):\n    ${JSON.stringify(s.config)}`)
    .join("\n");
}
