import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { validateSourceConfig } from "@/lib/sources/source-config";
import { AppError } from "@/lib/errors";

const fieldsOf = (kind: Parameters<typeof validateSourceConfig>[0], config: Record<string, unknown>) => {
  try {
    validateSourceConfig(kind, config);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields.map((f) => `${f.field}: ${f.message}`);
  }
};

beforeEach(() => vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "VAULT_TOKEN"));
afterEach(() => vi.unstubAllEnvs());

describe("source configuration", () => {
  it("accepts a store's own settings", () => {
    expect(fieldsOf("vault", { address: "https://vault.internal:8200", mount: "kv", auth: "token", tokenEnv: "VAULT_TOKEN" })).toEqual([]);
    expect(fieldsOf("aws_secrets_manager", { regions: ["us-east-1", "eu-west-1"] })).toEqual([]);
  });

  it("refuses a credential pasted into the configuration", () => {
    expect(fieldsOf("vault", { address: "https://v", token: "hvs.x" })).toEqual([
      "body.config.token: credentials are never stored: name an environment variable (…Env) or a mounted file (…File) instead",
    ]);
  });

  it("refuses settings the store does not have, so nothing unknown is stored", () => {
    expect(fieldsOf("vault", { address: "https://v", vaultToken: "hvs.x" })).toEqual(["body.config.vaultToken: not a setting of HashiCorp Vault / OpenBao (KV v2)"]);
  });

  it("refuses addresses and paths that could reach a value endpoint", () => {
    expect(fieldsOf("vault", { address: "https://v/v1/kv/data/app#" })).toContain("body.config.address: must be a base address without ? or #");
    expect(fieldsOf("vault", { address: "https://v", mount: "kv/data/x/.." })).toContain("body.config.mount: must not contain a .. segment");
  });

  it("refuses to send Keyledger's own settings to a store", () => {
    const problems = fieldsOf("vault", { address: "https://v", tokenEnv: "DATABASE_URL" });
    expect(problems.join()).toContain("body.config.tokenEnv: DATABASE_URL names one of Keyledger's own settings");
  });

  it("names the field a store's schema rejects", () => {
    expect(fieldsOf("aws_secrets_manager", { regions: [] }).join()).toContain("body.config.regions");
  });

  it("refuses a variable the operator has not listed in KEYLEDGER_CREDENTIAL_ENV, naming the field and the setting", () => {
    expect(fieldsOf("github_actions", { org: "lumenpay", tokenEnv: "AWS_SECRET_ACCESS_KEY" })).toEqual([
      "body.config.tokenEnv: AWS_SECRET_ACCESS_KEY is not in KEYLEDGER_CREDENTIAL_ENV, the variables the worker may read store credentials from (it allows VAULT_TOKEN): add AWS_SECRET_ACCESS_KEY there",
    ]);
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "STORE_*");
    expect(fieldsOf("github_actions", { org: "lumenpay", tokenEnv: "STORE_GITHUB" })).toEqual([]);
    expect(fieldsOf("vault", { address: "https://v", auth: "approle", roleIdEnv: "STORE_ROLE", secretIdEnv: "HOME" }).join()).toContain("body.config.secretIdEnv: HOME is not in KEYLEDGER_CREDENTIAL_ENV");
  });

  it("refuses a source that leaves its credential to a default variable the worker may not read", () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "");
    expect(fieldsOf("vault", { address: "https://vault.internal:8200" })).toEqual([
      "body.config.tokenEnv: with no tokenEnv or tokenFile, the Vault token comes from VAULT_TOKEN: VAULT_TOKEN is not in KEYLEDGER_CREDENTIAL_ENV, the variables the worker may read store credentials from (it is not set, so no variable is allowed): add VAULT_TOKEN there",
    ]);
    expect(fieldsOf("doppler", { projects: ["backend"] }).join()).toContain("body.config.tokenEnv: with no tokenEnv or tokenFile, the Doppler token comes from DOPPLER_TOKEN");
    expect(fieldsOf("vault", { address: "https://v", auth: "kubernetes", role: "keyledger" }).join()).toContain(
      "body.config.jwtFile: with no jwtFile, the Kubernetes service-account token comes from /var/run/secrets/kubernetes.io/serviceaccount/token: Keyledger reads no credential files: KEYLEDGER_CREDENTIAL_DIR is not set",
    );
  });

  it("refuses a credential file while no KEYLEDGER_CREDENTIAL_DIR is set, and any file outside it", () => {
    expect(fieldsOf("onepassword", { connectUrl: "http://connect:8080", tokenFile: "/run/secrets/op-token" }).join()).toContain("body.config.tokenFile: Keyledger reads no credential files: KEYLEDGER_CREDENTIAL_DIR is not set");
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", "/run/secrets");
    expect(fieldsOf("onepassword", { connectUrl: "http://connect:8080", tokenFile: "/run/secrets/op-token" })).toEqual([]);
    expect(fieldsOf("onepassword", { connectUrl: "http://connect:8080", tokenFile: "/etc/shadow" })).toEqual([
      "body.config.tokenFile: /etc/shadow is outside KEYLEDGER_CREDENTIAL_DIR (/run/secrets): credential files are read only from there",
    ]);
    expect(fieldsOf("kubernetes", { clusterName: "prod", kubeconfigFile: "kube/config" }).join()).toContain("body.config.kubeconfigFile: must be an absolute path inside KEYLEDGER_CREDENTIAL_DIR");
    expect(fieldsOf("infisical", { projectId: "p", environments: ["prod"], clientIdEnv: "VAULT_TOKEN", clientSecretFile: `${process.cwd()}/.data/auth-secret` }).join()).toContain("body.config.clientSecretFile");
  });

  it("refuses addresses with credentials in them, or pointing at link-local and cloud-metadata hosts, in every store", () => {
    const cases: [Parameters<typeof validateSourceConfig>[0], Record<string, unknown>, string][] = [
      ["vault", { address: "http://vault:pw@vault.internal:8200" }, "address"],
      ["vault", { address: "http://169.254.169.254" }, "address"],
      ["github_actions", { org: "lumenpay", apiUrl: "http://2852039166/", tokenEnv: "VAULT_TOKEN" }, "apiUrl"],
      ["doppler", { apiUrl: "http://0xA9FEA9FE/", tokenEnv: "VAULT_TOKEN" }, "apiUrl"],
      ["onepassword", { connectUrl: "http://[::ffff:169.254.169.254]/", tokenEnv: "VAULT_TOKEN" }, "connectUrl"],
      ["infisical", { siteUrl: "http://metadata.google.internal/", projectId: "p", environments: ["prod"], clientIdEnv: "VAULT_TOKEN", clientSecretEnv: "VAULT_TOKEN" }, "siteUrl"],
      ["aws_secrets_manager", { regions: ["us-east-1"], endpoint: "http://169.254.169.254/latest" }, "endpoint"],
      ["azure_key_vault", { vaultUrl: "https://[fe80::1]/" }, "vaultUrl"],
      ["gcp_secret_manager", { projects: ["my-project"], apiEndpoint: "100.100.100.200:443" }, "apiEndpoint"],
      ["kubernetes", { clusterName: "prod", server: "https://metadata/" }, "server"],
    ];
    for (const [kind, config, field] of cases) {
      const problems = fieldsOf(kind, config);
      expect(problems, `${kind}.${field}`).toHaveLength(1);
      expect(problems[0], `${kind}.${field}`).toMatch(new RegExp(`^body\\.config\\.${field}: (must not carry a user name or password|.* is a link-local or cloud-metadata address, which sources never reach: set KEYLEDGER_ALLOW_LINK_LOCAL=on)`));
    }
    vi.stubEnv("KEYLEDGER_ALLOW_LINK_LOCAL", "on");
    expect(fieldsOf("vault", { address: "http://169.254.169.254:8200" })).toEqual([]);
    expect(fieldsOf("vault", { address: "http://vault:pw@vault.internal:8200" })).toHaveLength(1);
  });

  it("keeps loopback and private addresses", () => {
    expect(fieldsOf("vault", { address: "http://127.0.0.1:8200" })).toEqual([]);
    expect(fieldsOf("github_actions", { org: "lumenpay", apiUrl: "https://10.0.0.12/api/v3", tokenEnv: "VAULT_TOKEN" })).toEqual([]);
  });
});
