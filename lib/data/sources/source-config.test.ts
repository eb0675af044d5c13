import { describe, expect, it } from "vitest";
import { validateSourceConfig } from "@/lib/data/sources/source-config";
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
    expect(problems.join()).toContain("body.config.tokenEnv: names one of Keyledger's own settings");
  });

  it("names the field a store's schema rejects", () => {
    expect(fieldsOf("aws_secrets_manager", { regions: [] }).join()).toContain("body.config.regions");
  });
});
