// The try-out in one command (`npm start -- --with-dev-stores`): the local stores start, and with the
// environment they hand Keyledger, each configuration they print is accepted by Add source, passes
// Test connection and syncs — through the same DAL and worker code the UI uses, on a real database.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { createPerson } from "@/db/seed/factories";
import type { Actor } from "@/lib/auth/actor";
import { createSource } from "@/lib/data/sources/save-source";
import { testSource } from "@/lib/data/sources/test-source";
import { syncSource } from "@/lib/data/sync/sync-source";
import { isKeyledgerOwn } from "@/lib/sources/credential-env";
import { devStoresEnv, startDevStores, type DevStores } from "@/scripts/dev-store-servers";
import { actorOf } from "@/test/actors";
import { failure } from "@/test/app-errors";
import { useTestDatabase } from "@/test/database";

let database: Database;
let dev: DevStores;
let admin: Actor;

beforeAll(async () => {
  database = await useTestDatabase();
  admin = actorOf(await createPerson(database.db, { email: "sam@dev-stores.example", role: "admin" }));
  dev = await startDevStores({ KEYLEDGER_CREDENTIAL_ENV: "VAULT_TOKEN" });
});
afterAll(async () => {
  await dev?.close();
  await database.close();
});
afterEach(() => vi.unstubAllEnvs());

describe("the local stores", () => {
  it("listen on loopback and hand Keyledger only store variables, added to what it already allows", () => {
    expect(dev.stores.map((s) => new URL(s.url).hostname)).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    expect(dev.env.KEYLEDGER_CREDENTIAL_ENV).toBe("VAULT_TOKEN,KL_DEV_STORES_VAULT_TOKEN,KL_DEV_STORES_GITHUB_TOKEN");
    expect(Object.keys(dev.env).filter((name) => name !== "KEYLEDGER_CREDENTIAL_ENV" && isKeyledgerOwn(name))).toEqual([]);
    expect(devStoresEnv({ AWS_ACCESS_KEY_ID: "AKIAREAL" })).not.toHaveProperty("AWS_ACCESS_KEY_ID");
    expect(dev.instructions).toContain(`Configuration (JSON):\n    ${JSON.stringify(dev.stores[1]!.config)}`);
  });

  it("without that environment, Add source refuses what they print (a Keyledger started without them cannot use them)", async () => {
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "");
    const vault = dev.stores.find((s) => s.kind === "vault")!;
    const refused = await failure(createSource({ actor: admin, input: { kind: vault.kind, name: "Vault · refused", config: vault.config, syncIntervalMinutes: 60, tagKeys: null, enabled: true } }));
    expect(refused.fields[0]?.message).toContain("KL_DEV_STORES_VAULT_TOKEN is not in KEYLEDGER_CREDENTIAL_ENV");
  });

  it("with it, each printed configuration is added, connects and syncs its sample secrets", async () => {
    for (const [name, value] of Object.entries(dev.env)) vi.stubEnv(name, value);
    for (const store of dev.stores) {
      const source = await createSource({ actor: admin, input: { kind: store.kind, name: store.name, config: store.config, syncIntervalMinutes: 60, tagKeys: null, enabled: true } });
      expect(await testSource({ actor: admin, id: source.id }), store.store).toMatchObject({ ok: true });
      const outcome = await syncSource({ db: database.db, sourceId: source.id, trigger: "manual" });
      expect(outcome, store.store).toMatchObject({ status: "succeeded" });
      expect(outcome.listed, store.store).toBeGreaterThan(0);
    }
  });
});
