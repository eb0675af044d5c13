import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sopsConfigSchema } from "@/lib/sources/sops/config";
import { parseSopsFile, sopsConnector } from "@/lib/sources/sops/connector";
import { unflattenSopsMetadata } from "@/lib/sources/sops/parse-dotenv-file";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect, failure } from "@/lib/sources/testing";
import type { SecretMetadata } from "@/lib/sources/types";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const REPO = path.join(FIXTURES, "lumenpay-infra");
const temps: string[] = [];

const ctx = (config: Record<string, unknown>) => ({ config: sopsConfigSchema.parse(config), tagKeys: DEFAULT_TAG_KEYS, fetch: globalThis.fetch });

function list(config: Record<string, unknown>): Promise<SecretMetadata[]> {
  return collect(sopsConnector.listSecrets(ctx(config)));
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("sopsConnector.listSecrets", () => {
  it("lists one secret per encrypted key path across YAML, multi-document YAML, JSON and dotenv", async () => {
    const secrets = await list({ repoPath: REPO });
    expect(secrets.map((s) => s.externalId)).toEqual([
      'infra/k8s/secrets/ledger.yaml#[0].stringData.DATABASE_URL',
      'infra/k8s/secrets/ledger.yaml#[0].stringData["tls.crt"]',
      "infra/k8s/secrets/ledger.yaml#[1].stringData.KAFKA_SASL_PASSWORD",
      "ledger/config.enc.json#ledger_signing_key",
      "ledger/config.enc.json#partner_banks[0].sftp_password",
      "ops/notifications.enc.env#POSTMARK_SERVER_TOKEN",
      "ops/notifications.enc.env#TWILIO_AUTH_TOKEN",
      "payments/secrets.enc.yaml#stripe.api_key",
      "payments/secrets.enc.yaml#stripe.webhook_signing_secret",
      "payments/secrets.enc.yaml#database.password",
      "payments/secrets.enc.yaml#database.port",
      "payments/secrets.enc.yaml#allowed_webhook_ips",
    ]);
    const stripe = secrets.find((s) => s.externalId === "payments/secrets.enc.yaml#stripe.api_key");
    expect(stripe).toEqual({
      externalId: "payments/secrets.enc.yaml#stripe.api_key",
      name: "payments/secrets.enc.yaml#stripe.api_key",
      createdAt: null,
      updatedAt: new Date("2025-05-12T08:30:00Z"),
      lastRotatedAt: new Date("2025-05-12T08:30:00Z"),
      versionCount: null,
      tags: { "sops-version": "3.9.4" },
      owners: {},
      consumers: [],
      place: "SOPS file payments/secrets.enc.yaml in lumenpay-infra",
      readers: [
        "aws-kms:arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 (via role arn:aws:iam::111122223333:role/payments-sops-decrypt)",
        "age:age1fixturepaymentsoncallrecipientplaceholderqqqqqqqqqqqqqqqqq",
      ],
    });
  });

  it("extracts the recipients who can decrypt: GCP KMS, Vault transit, Azure Key Vault, PGP and age", async () => {
    const secrets = await list({ repoPath: REPO });
    const readers = (id: string) => secrets.find((s) => s.externalId === id)?.readers;
    expect(readers("infra/k8s/secrets/ledger.yaml#[1].stringData.KAFKA_SASL_PASSWORD")).toEqual([
      "gcp-kms:projects/lumenpay-prod/locations/global/keyRings/sops/cryptoKeys/ledger",
      "hc-vault:https://vault.lumenpay.example:8200/v1/transit/keys/ledger-sops",
    ]);
    expect(readers("ledger/config.enc.json#ledger_signing_key")).toEqual([
      "azure-kv:https://lumenpay-ledger.vault.azure.net/keys/sops-key/0123456789abcdef0123456789abcdef",
      "pgp:1E2D3C4B5A69788796A5B4C3D2E1F0A1B2C3D4E5",
    ]);
    expect(readers("ops/notifications.enc.env#TWILIO_AUTH_TOKEN")).toEqual([
      "age:age1fixtureopsteamrecipientplaceholderqqqqqqqqqqqqqqqqqqqqqqqqqqq",
      "age:age1fixturebreakglassrecipientplaceholderqqqqqqqqqqqqqqqqqqqqqqq",
    ]);
    expect(secrets.find((s) => s.externalId.startsWith("ops/"))?.lastRotatedAt).toEqual(new Date("2025-06-01T07:00:00Z"));
  });

  it("never emits a value, a data key or a plaintext unencrypted value", async () => {
    const serialized = JSON.stringify(await list({ repoPath: REPO }));
    for (const needle of ["ENC[", "PLACEHOLDER", "BEGIN AGE", "BEGIN PGP", "vault:v1", "acct_fixture_plaintext", "Fixture Bank", "=info"]) {
      expect(serialized).not.toContain(needle);
    }
    expect(serialized).not.toContain("account_id_unencrypted");
    expect(serialized).not.toContain("LOG_LEVEL_unencrypted");
    expect(serialized).not.toContain("metadata.name");
  });

  it("honours custom globs and skips files outside them", async () => {
    const secrets = await list({ repoPath: REPO, globs: ["ops/*.enc.env"] });
    expect(new Set(secrets.map((s) => s.place))).toEqual(new Set(["SOPS file ops/notifications.enc.env in lumenpay-infra"]));
  });

  it("skips node_modules, .git and symlinks that leave the checkout", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "keyledger-sops-"));
    temps.push(dir);
    const repo = path.join(dir, "repo");
    await cp(REPO, repo, { recursive: true });
    const source = path.join(REPO, "payments", "secrets.enc.yaml");
    await mkdir(path.join(repo, "node_modules", "lib"), { recursive: true });
    await cp(source, path.join(repo, "node_modules", "lib", "vendored.enc.yaml"));
    await mkdir(path.join(repo, ".git", "secrets"), { recursive: true });
    await cp(source, path.join(repo, ".git", "secrets", "packed.yaml"));
    await cp(source, path.join(dir, "outside.enc.yaml"));
    await symlink(path.join(dir, "outside.enc.yaml"), path.join(repo, "payments", "escape.enc.yaml"));
    const files = new Set((await list({ repoPath: repo })).map((s) => s.externalId.split("#")[0]));
    expect([...files].sort()).toEqual(["infra/k8s/secrets/ledger.yaml", "ledger/config.enc.json", "ops/notifications.enc.env", "payments/secrets.enc.yaml"]);
  });

  it("refuses a missing checkout with a config error", async () => {
    expect((await failure(list({ repoPath: path.join(FIXTURES, "does-not-exist") }))).code).toBe("config");
  });
});

describe("malformed SOPS files", () => {
  const cases: [string, string, RegExp][] = [
    ["no-sops", "SOPS file app.enc.yaml: no top-level `sops` metadata block", /committed decrypted/],
    ["broken-yaml", "SOPS file app.enc.yaml line 4: not valid YAML", /bad indent/],
    ["missing-arn", "SOPS file app.enc.json line 5: sops.kms.0.arn", /arn: is missing/],
    ["bad-dotenv", "SOPS file app.enc.env line 2: a line is not KEY=value", /KEY=value/],
    ["bad-lastmodified", "SOPS file app.sops.yaml line 6: sops.lastmodified", /not an RFC 3339 date/],
  ];
  it.each(cases)("%s: names the file and line", async (dir, prefix, detail) => {
    const error = await failure(list({ repoPath: path.join(FIXTURES, "malformed", dir) }));
    expect(error.code).toBe("malformed");
    expect(error.message.startsWith(prefix)).toBe(true);
    expect(error.message).toMatch(detail);
    expect(error.message).not.toContain("PLAINTEXT-FIXTURE-PLACEHOLDER");
    expect(error.message).not.toContain("ENC[");
  });

  it("fails the whole listing before emitting anything when one file is malformed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "keyledger-sops-"));
    temps.push(dir);
    await cp(REPO, dir, { recursive: true });
    await writeFile(path.join(dir, "zz.enc.yaml"), "plain: not encrypted\n");
    const emitted: SecretMetadata[] = [];
    const error = await failure((async () => { for await (const s of sopsConnector.listSecrets(ctx({ repoPath: dir }))) emitted.push(s); })());
    expect(error.message).toContain("zz.enc.yaml");
    expect(emitted).toEqual([]);
  });

  it("rejects a file that names no recipient", () => {
    expect(() => parseSopsFile('a: "ENC[AES256_GCM,data:PLACEHOLDER,type:str]"\nsops:\n    lastmodified: "2025-01-01T00:00:00Z"\n    mac: x\n', "x.enc.yaml")).toThrow(/line 3: the sops metadata names no key/);
  });
});

describe("unflattenSopsMetadata", () => {
  it("rebuilds nested lists and maps, and refuses prototype keys", () => {
    const { tree } = unflattenSopsMetadata(new Map([["age__list_1__map_recipient", "r2"], ["age__list_0__map_recipient", "r1"], ["version", "3.9.4"]]));
    expect(JSON.parse(JSON.stringify(tree))).toEqual({ age: [{ recipient: "r1" }, { recipient: "r2" }], version: "3.9.4" });
    expect(unflattenSopsMetadata(new Map([["__proto____map_x", "y"]])).bad).toBe("__proto____map_x");
    expect(unflattenSopsMetadata(new Map([["age__list_99999999__map_recipient", "y"]])).bad).toBeDefined();
  });
});

describe("sopsConnector.testConnection and policy", () => {
  it("counts files, keys and recipients", async () => {
    const { detail } = await sopsConnector.testConnection(ctx({ repoPath: REPO }));
    expect(detail).toContain("4 SOPS file(s)");
    expect(detail).toContain("12 encrypted key(s), 8 distinct recipient(s)");
  });

  it("needs read access to the repository only, no KMS permission", () => {
    const policy = sopsConnector.policy(sopsConfigSchema.parse({ repoPath: "/srv/checkouts/lumenpay-infra" }));
    expect(policy.text).toContain("deploy key without write access");
    expect(policy.text).toContain("No KMS, age, PGP or Vault permission is needed: nothing is decrypted.");
    expect(policy.text).toContain("**/*.enc.env");
  });

  it("validates its configuration", () => {
    expect(sopsConfigSchema.safeParse({ repoPath: "relative/path" }).success).toBe(false);
    expect(sopsConfigSchema.safeParse({ repoPath: "/srv/repo", globs: ["../../etc/*.yaml"] }).success).toBe(false);
    expect(sopsConfigSchema.parse({ repoPath: "/srv/repo" }).globs).toContain("**/secrets/*.yaml");
  });
});
