import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readCredential, type CredentialSlot } from "@/lib/sources/credentials";
import { failure } from "@/lib/sources/testing";

const TOKEN: CredentialSlot = { what: "Vault token", env: "tokenEnv", file: "tokenFile", defaultEnv: "VAULT_TOKEN" };
let root: string;
let allowed: string;

beforeEach(async () => {
  root = await realpath(await mkdtemp(path.join(tmpdir(), "kl-credentials-")));
  allowed = path.join(root, "credentials");
  await mkdir(allowed);
  await writeFile(path.join(allowed, "vault-token"), "hvs.from-the-mounted-file\n");
  await writeFile(path.join(root, "elsewhere"), "not for stores");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

const reason = async (config: Record<string, unknown>, slot = TOKEN) => (await failure(readCredential(config, slot))).message;

describe("credentials from the environment", () => {
  it("reads only variables listed in KEYLEDGER_CREDENTIAL_ENV, exactly or by a trailing-* prefix", async () => {
    vi.stubEnv("STORE_VAULT", "hvs.allowed");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "the-hosts-own-cloud-key");
    expect(await reason({ tokenEnv: "STORE_VAULT" })).toBe(
      "Cannot read the Vault token: STORE_VAULT is not in KEYLEDGER_CREDENTIAL_ENV, the variables the worker may read store credentials from (it is not set, so no variable is allowed): add STORE_VAULT there.",
    );
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "VAULT_TOKEN, STORE_*");
    expect(await readCredential({ tokenEnv: "STORE_VAULT" }, TOKEN)).toBe("hvs.allowed");
    expect(await reason({ tokenEnv: "AWS_SECRET_ACCESS_KEY" })).toContain("AWS_SECRET_ACCESS_KEY is not in KEYLEDGER_CREDENTIAL_ENV (it allows VAULT_TOKEN, STORE_*)".replace(" (", ", the variables the worker may read store credentials from ("));
  });

  it("applies the list to the connector's default variable too", async () => {
    vi.stubEnv("VAULT_TOKEN", "hvs.default");
    expect(await reason({})).toContain("VAULT_TOKEN is not in KEYLEDGER_CREDENTIAL_ENV");
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "VAULT_TOKEN");
    expect(await readCredential({}, TOKEN)).toBe("hvs.default");
  });

  it("never reads Keyledger's own settings, even when the list allows everything", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "*,KEYLEDGER_*,NEXTAUTH_*,DATABASE_URL");
    for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "KEYLEDGER_SMTP_URL", "OIDC_CLIENT_SECRET", "GITHUB_CLIENT_SECRET", "ADMIN_EMAILS", "PGPASSWORD", "NODE_OPTIONS", "npm_config__authToken"]) {
      vi.stubEnv(name, "keyledger-own-value");
      expect(await reason({ tokenEnv: name }), name).toBe(`Cannot read the Vault token: ${name} names one of Keyledger's own settings, which are never sent to a store.`);
    }
  });

  it("names a malformed KEYLEDGER_CREDENTIAL_ENV instead of guessing", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "VAULT-TOKEN");
    vi.stubEnv("VAULT_TOKEN", "hvs.x");
    expect(await reason({})).toContain('KEYLEDGER_CREDENTIAL_ENV has "VAULT-TOKEN", which is not a variable name');
  });
});

describe("credentials from a file", () => {
  it("reads no file at all while KEYLEDGER_CREDENTIAL_DIR is unset", async () => {
    expect(await reason({ tokenFile: path.join(allowed, "vault-token") })).toBe(
      "Cannot read the Vault token from the file in tokenFile: Keyledger reads no credential files: KEYLEDGER_CREDENTIAL_DIR is not set. Set it to the directory the credentials are mounted in, or name an environment variable instead.",
    );
  });

  it("reads a file inside KEYLEDGER_CREDENTIAL_DIR", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", allowed);
    expect(await readCredential({ tokenFile: path.join(allowed, "vault-token") }, TOKEN)).toBe("hvs.from-the-mounted-file");
  });

  it("refuses paths outside it, relative paths, .. and NUL bytes", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", allowed);
    expect(await reason({ tokenFile: path.join(root, "elsewhere") })).toContain(`${path.join(root, "elsewhere")} is outside KEYLEDGER_CREDENTIAL_DIR (${allowed})`);
    expect(await reason({ tokenFile: "credentials/vault-token" })).toContain(`must be an absolute path inside KEYLEDGER_CREDENTIAL_DIR (${allowed})`);
    expect(await reason({ tokenFile: `${allowed}/../elsewhere` })).toContain("must not contain a .. segment");
    expect(await reason({ tokenFile: `${allowed}/vault-token\0` })).toContain("must not contain a NUL byte");
    expect(await reason({ tokenFile: "/etc/passwd" })).toContain("/etc/passwd is outside KEYLEDGER_CREDENTIAL_DIR");
  });

  it("follows symlinks before judging: a link inside the directory to a file outside it is refused", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", allowed);
    await symlink(path.join(root, "elsewhere"), path.join(allowed, "innocent-looking"));
    expect(await reason({ tokenFile: path.join(allowed, "innocent-looking") })).toContain(`resolves to ${path.join(root, "elsewhere")}, outside KEYLEDGER_CREDENTIAL_DIR`);
  });

  it("never reads Keyledger's data directory (the session-signing key) or its own directory, even inside the allowed one", async () => {
    const data = path.join(root, "keyledger-data");
    await mkdir(data);
    await writeFile(path.join(data, "auth-secret"), "session-signing-key");
    vi.stubEnv("KEYLEDGER_DATA_DIR", data);
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", root);
    expect(await reason({ tokenFile: path.join(data, "auth-secret") })).toContain("is inside Keyledger's own data directory (KEYLEDGER_DATA_DIR), which is never read as a store credential");
    await symlink(path.join(data, "auth-secret"), path.join(root, "token"));
    expect(await reason({ tokenFile: path.join(root, "token") })).toContain("is inside Keyledger's own data directory");
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", "/");
    const installed = path.resolve(import.meta.dirname, "../..");
    expect(await reason({ tokenFile: path.join(installed, "package.json") })).toContain("is inside Keyledger's own directory, which is never read");
    // Started from elsewhere (`keyledger start` in another directory), its own directory is still its own.
    const started = process.cwd();
    process.chdir(root);
    try {
      expect(await reason({ tokenFile: path.join(installed, ".env") })).toContain("is inside Keyledger's own directory");
    } finally {
      process.chdir(started);
    }
  });

  it("refuses what is not a small regular file", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", allowed);
    await mkdir(path.join(allowed, "a-directory"));
    await writeFile(path.join(allowed, "huge"), Buffer.alloc(65 * 1024, 97));
    await writeFile(path.join(allowed, "empty"), "\n");
    expect(await reason({ tokenFile: path.join(allowed, "a-directory") })).toContain("is not a regular file");
    expect(await reason({ tokenFile: path.join(allowed, "huge") })).toContain("is larger than 64 KiB");
    expect(await reason({ tokenFile: path.join(allowed, "empty") })).toContain("is empty");
    expect(await reason({ tokenFile: path.join(allowed, "missing") })).toContain("cannot be read (ENOENT)");
  });
});
