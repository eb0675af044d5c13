// What a source's configuration may make Keyledger read and where it may send it, through the DAL
// the routes and the worker use, on a real database and a local Vault wire server: refused when
// saved, refused again when used, and shown without credentials to roles that may not manage it.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { sources, syncRuns } from "@/db/schema";
import { createPerson, createSource as insertSource } from "@/db/seed/factories";
import type { Actor } from "@/lib/auth/actor";
import { getSource } from "@/lib/data/sources/get-source";
import { listSourcesStatus } from "@/lib/data/sources/list-sources-status";
import { createSource } from "@/lib/data/sources/save-source";
import { testSource } from "@/lib/data/sources/test-source";
import { syncSource } from "@/lib/data/sync/sync-source";
import { actorOf } from "@/test/actors";
import { failure } from "@/test/app-errors";
import { useTestDatabase } from "@/test/database";
import { sampleVaultSecrets, startVaultWireServer, VAULT_WIRE_TOKEN } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";

let database: Database;
let wire: WireServer;
let admin: Actor;
let auditor: Actor;
let founder: Actor;

beforeAll(async () => {
  database = await useTestDatabase();
  wire = await startVaultWireServer({ secrets: sampleVaultSecrets(4) });
  admin = actorOf(await createPerson(database.db, { email: "sam@boundaries.example", role: "admin" }));
  auditor = actorOf(await createPerson(database.db, { email: "erin@boundaries.example", role: "auditor" }));
  founder = actorOf(await createPerson(database.db, { email: "maya@boundaries.example", role: "founder" }));
});
afterAll(async () => {
  await wire.close();
  await database.close();
});
beforeEach(() => {
  vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "STORE_*");
  vi.stubEnv("STORE_VAULT_TOKEN", VAULT_WIRE_TOKEN);
});
afterEach(() => vi.unstubAllEnvs());

const input = (name: string, config: Record<string, unknown>) => ({ kind: "vault" as const, name, config, syncIntervalMinutes: 60, tagKeys: null, enabled: true });

describe("saving a source", () => {
  it("is refused with 422 naming the field when it names a variable, file or address the operator does not allow", async () => {
    const refused = await failure(createSource({ actor: admin, input: input("Vault · env", { address: wire.url, tokenEnv: "HOME" }) }));
    expect(refused).toMatchObject({ status: 422, fields: [{ field: "body.config.tokenEnv", message: expect.stringContaining("HOME is not in KEYLEDGER_CREDENTIAL_ENV") }] });
    const file = await failure(createSource({ actor: admin, input: input("Vault · file", { address: wire.url, tokenFile: `${process.cwd()}/.data/auth-secret` }) }));
    expect(file.fields).toEqual([{ field: "body.config.tokenFile", message: expect.stringContaining("KEYLEDGER_CREDENTIAL_DIR is not set") }]);
    const address = await failure(createSource({ actor: admin, input: input("Vault · imds", { address: "http://169.254.169.254", tokenEnv: "STORE_VAULT_TOKEN" }) }));
    expect(address.fields).toEqual([{ field: "body.config.address", message: expect.stringContaining("KEYLEDGER_ALLOW_LINK_LOCAL=on") }]);
  });
});

describe("using a source", () => {
  it("Test connection checks the variable again: allowed when saved, refused once the setting drops it, and the store hears nothing", async () => {
    const source = await createSource({ actor: admin, input: input("Vault · later refused", { address: wire.url, mount: "kv", tokenEnv: "STORE_VAULT_TOKEN" }) });
    expect(await testSource({ actor: admin, id: source.id })).toMatchObject({ ok: true });
    const calls = wire.calls.length;
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "VAULT_TOKEN");
    const result = await testSource({ actor: admin, id: source.id });
    expect(result).toMatchObject({ ok: false, code: "config", error: expect.stringContaining("STORE_VAULT_TOKEN is not in KEYLEDGER_CREDENTIAL_ENV") });
    expect(wire.calls.length).toBe(calls);
  });

  it("a sync of a source whose address is now refused fails as a configuration problem and sends nothing", async () => {
    const source = await insertSource(database.db, { kind: "vault", name: "Vault · metadata address", config: { address: "http://[::ffff:169.254.169.254]:8200", mount: "kv", tokenEnv: "STORE_VAULT_TOKEN" } });
    const sent: string[] = [];
    const recording = (async (url: string | URL | Request) => {
      sent.push(String(url));
      return Response.json({});
    }) as typeof fetch;
    const outcome = await syncSource({ db: database.db, sourceId: source.id, fetchImpl: recording });
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toContain("is a link-local or cloud-metadata address");
    const [run] = await database.db.select().from(syncRuns).where(eq(syncRuns.id, outcome.runId));
    expect(run?.errorCode).toBe("config");
    expect(sent).toEqual([]);
  });
});

describe("who sees a source's configuration", () => {
  const secretIdFile = "/run/keyledger/vault-secret-id";
  const error = `Cannot read the Vault AppRole secret id from ${secretIdFile}: ENOENT. Token hvs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA was rejected by ops-approle.`;
  const typed = {
    address: "http://keyledger:hunter2-vault-password@127.0.0.1:8200",
    mount: "kv",
    namespace: "lumenpay",
    auth: "approle",
    approleMount: "ops-approle",
    roleIdEnv: "STORE_VAULT_ROLE_ID",
    secretIdFile,
    legacy: "stored before unknown keys were refused",
  };

  it("gives roles without source:manage the store, its place and status — never a credential field, path or value", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", "/run/keyledger");
    const source = await insertSource(database.db, { kind: "vault", name: "Vault · approle", config: typed as unknown as Record<string, string>, lastError: error, status: "stale" });
    await database.db.insert(syncRuns).values({ sourceId: source.id, trigger: "schedule", status: "failed", errorCode: "config", error });
    for (const viewer of [auditor, founder]) {
      const detail = (await getSource({ actor: viewer, id: source.id }))!;
      expect(detail.source.config).toEqual({ address: "http://127.0.0.1:8200", mount: "kv", namespace: "lumenpay", auth: "approle", approleMount: "configured", roleIdEnv: "configured", secretIdFile: "configured" });
      expect(detail.source.lastError).toBe("Cannot read the Vault AppRole secret id from configured: ENOENT. Token [redacted] was rejected by configured.");
      expect(detail.runs[0]?.error).toBe(detail.source.lastError);
      const everything = JSON.stringify(detail);
      for (const hidden of ["hunter2", "ops-approle", "STORE_VAULT_ROLE_ID", secretIdFile, "hvs.AAAA", "legacy"]) expect(everything, hidden).not.toContain(hidden);
      const row = (await listSourcesStatus({ actor: viewer })).find((s) => s.id === source.id)!;
      expect(row.lastError).toBe(detail.source.lastError);
      expect(row).not.toHaveProperty("config");
    }
    const full = (await getSource({ actor: admin, id: source.id }))!;
    expect(full.source.config).toEqual(typed);
    expect(full.runs[0]?.error).toBe(error);
    expect((await listSourcesStatus({ actor: admin })).find((s) => s.id === source.id)?.lastError).toBe(error);
    await database.db.delete(sources).where(eq(sources.id, source.id));
  });

  it("shows them the least-privilege policy without the auth mount it names", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", "/run/keyledger");
    const { legacy: _legacy, ...valid } = { ...typed, address: wire.url };
    const source = await insertSource(database.db, { kind: "vault", name: "Vault · policy", config: valid as unknown as Record<string, string> });
    const viewed = (await getSource({ actor: auditor, id: source.id }))!.policy!;
    expect(viewed.text).toContain('path "kv/metadata/*"');
    expect(viewed.notes).toContain("AppRole role at auth/configured");
    expect((await getSource({ actor: admin, id: source.id }))!.policy!.notes).toContain("AppRole role at auth/ops-approle");
  });
});
