import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { reminderSigningSecret } from "@/lib/notify/signing-secret";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "keyledger-secret-"));
  await writeFile(path.join(dir, "auth-secret"), "embedded-default-secret-0123456789abcdef\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the key that signs unsubscribe links", () => {
  it("is NEXTAUTH_SECRET when set", async () => {
    expect(await reminderSigningSecret(parseEnv({ NEXTAUTH_SECRET: "n".repeat(32), KEYLEDGER_DATA_DIR: dir }))).toBe("n".repeat(32));
  });

  it("is the embedded default's stored secret, the one keyledger start gives the web process", async () => {
    expect(await reminderSigningSecret(parseEnv({ KEYLEDGER_DATA_DIR: dir }))).toBe("embedded-default-secret-0123456789abcdef");
  });

  it("is missing against an external database without NEXTAUTH_SECRET, or with no stored secret", async () => {
    expect(await reminderSigningSecret(parseEnv({ KEYLEDGER_DATA_DIR: dir, DATABASE_URL: "postgres://u:p@db:5432/k" }))).toBeNull();
    expect(await reminderSigningSecret(parseEnv({ KEYLEDGER_DATA_DIR: path.join(dir, "nothing-here") }))).toBeNull();
  });
});
