// `npm run dev:stores`: local servers that speak the wire formats of AWS Secrets Manager, Vault
// and GitHub Actions, filled with sample metadata — to try sources and sync without a cloud
// account. They are the same servers the tests use. Ctrl-C stops them.
import { sampleAwsSecrets, startAwsWireServer } from "@/test/wire/aws-secrets-manager";
import { sampleGitHubData, startGitHubWireServer, GITHUB_WIRE_TOKEN } from "@/test/wire/github";
import { sampleVaultSecrets, startVaultWireServer, VAULT_WIRE_TOKEN } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";

type Store = { name: string; start: () => Promise<WireServer>; config: (url: string) => Record<string, unknown>; env: Record<string, string> };

const STORES: Store[] = [
  {
    name: "AWS Secrets Manager",
    start: () => startAwsWireServer({ secrets: sampleAwsSecrets(80) }),
    config: (url) => ({ regions: ["us-east-1"], endpoint: url, accountLabel: "local" }),
    env: { AWS_ACCESS_KEY_ID: "AKIDLOCALWIRE", AWS_SECRET_ACCESS_KEY: "local-wire-server", AWS_REGION: "us-east-1" },
  },
  {
    name: "Vault KV",
    start: () => startVaultWireServer({ secrets: sampleVaultSecrets(60) }),
    config: (url) => ({ address: url, mount: "kv", auth: "token", tokenEnv: "VAULT_TOKEN" }),
    env: { VAULT_TOKEN: VAULT_WIRE_TOKEN },
  },
  {
    name: "GitHub Actions",
    start: () => startGitHubWireServer({ ...sampleGitHubData() }),
    config: (url) => ({ org: sampleGitHubData().org.login, apiUrl: url, tokenEnv: "GITHUB_TOKEN" }),
    env: { GITHUB_TOKEN: GITHUB_WIRE_TOKEN },
  },
];

const servers = await Promise.all(STORES.map((store) => store.start()));
console.log("Local secret-store servers (sample metadata, no values):\n");
STORES.forEach((store, i) => {
  const server = servers[i]!;
  console.log(`${store.name} on ${server.url}`);
  console.log(`  source configuration: ${JSON.stringify(store.config(server.url))}`);
});
// Sources may read only the variables the operator lists (KEYLEDGER_CREDENTIAL_ENV); the AWS SDK reads its own AWS_* chain.
const env = { KEYLEDGER_CREDENTIAL_ENV: "VAULT_TOKEN,GITHUB_TOKEN", ...Object.assign({}, ...STORES.map((s) => s.env)) } as Record<string, string>;
console.log(`\nStart Keyledger with these credentials for the local servers:\n  ${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(" ")} npm start\n`);
console.log("Add each as a source on the Sources page (Add source → paste the configuration). Ctrl-C stops the servers.");

const stop = async () => {
  await Promise.all(servers.map((s) => s.close()));
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
