import { describe, expect, it } from "vitest";
import type { AuditAuth, AuditRequest } from "@/lib/ingest/vault/entry";
import { vaultActor } from "@/lib/ingest/vault/map-actor";
import { classifyRequest } from "@/lib/ingest/vault/map-path";
import { vaultErrorCode } from "@/lib/ingest/vault/to-event";

const request = (path: string, operation = "read", extra: Partial<AuditRequest> = {}): AuditRequest => ({ id: "r", operation, path, mount_type: "kv", mount_point: "kv/", ...extra });
const secret = (path: string, operation?: string, extra?: Partial<AuditRequest>) => {
  const target = classifyRequest(request(path, operation, extra));
  return target.kind === "secret" ? [target.action, target.secretRef] : target.reason;
};

describe("classifyRequest", () => {
  it("names a KV v2 secret <mount>/<path> whatever the endpoint", () => {
    expect(secret("kv/data/payments/stripe-webhook")).toEqual(["read", "kv/payments/stripe-webhook"]);
    expect(secret("kv/data/payments/stripe-webhook", "create")).toEqual(["create", "kv/payments/stripe-webhook"]);
    expect(secret("kv/data/payments/stripe-webhook", "update")).toEqual(["update", "kv/payments/stripe-webhook"]);
    expect(secret("kv/data/payments/stripe-webhook", "patch")).toEqual(["update", "kv/payments/stripe-webhook"]);
    expect(secret("kv/data/payments/stripe-webhook", "delete")).toEqual(["delete", "kv/payments/stripe-webhook"]);
    expect(secret("kv/metadata/payments/stripe-webhook")).toEqual(["describe", "kv/payments/stripe-webhook"]);
    expect(secret("kv/metadata/payments/stripe-webhook", "delete")).toEqual(["delete", "kv/payments/stripe-webhook"]);
    expect(secret("kv/metadata/payments/stripe-webhook", "update", { data: { custom_metadata: { owner: "hmac-sha256:1" } } })).toEqual(["tag_change", "kv/payments/stripe-webhook"]);
    expect(secret("kv/metadata/payments/stripe-webhook", "update", { data: { max_versions: 5 } })).toEqual(["update", "kv/payments/stripe-webhook"]);
    expect(secret("kv/delete/payments/stripe-webhook", "update")).toEqual(["delete", "kv/payments/stripe-webhook"]);
    expect(secret("kv/destroy/payments/stripe-webhook", "update")).toEqual(["delete", "kv/payments/stripe-webhook"]);
    expect(secret("kv/undelete/payments/stripe-webhook", "update")).toEqual(["restore", "kv/payments/stripe-webhook"]);
    expect(secret("kv/subkeys/payments/stripe-webhook")).toEqual(["describe", "kv/payments/stripe-webhook"]);
  });

  it("names a listed folder with its trailing slash", () => {
    expect(secret("kv/metadata/payments/", "list")).toEqual(["list", "kv/payments/"]);
    expect(secret("kv/metadata", "list")).toEqual(["list", "kv/"]);
    expect(secret("kv/", "list")).toEqual(["list", "kv/"]);
  });

  it("uses mount_point for a mount of several segments", () => {
    expect(secret("team/kv/data/db/password", "read", { mount_point: "team/kv/" })).toEqual(["read", "team/kv/db/password"]);
  });

  it("reads KV v1 when the mount is a kv mount, or a default kv mount in old logs", () => {
    expect(secret("kv/retail/app1")).toEqual(["read", "kv/retail/app1"]);
    expect(secret("secret/password", "read", { mount_type: undefined, mount_point: undefined })).toEqual(["read", "secret/password"]);
    expect(secret("ssh/sign/ansible", "update", { mount_type: undefined, mount_point: undefined })).toBe("unknown secrets engine (no mount_type): ssh/sign/ansible");
  });

  it("skips what is not a secret", () => {
    expect(secret("auth/approle/login", "update")).toBe("not about a secret: auth/approle/login");
    expect(secret("auth/token/lookup/hvs.CAESIJT2KM9n2KJqg_E267EHJSY0c4NWtTRnBsNWhzUDkQZQ")).toBe("not about a secret: auth/token/lookup");
    expect(secret("sys/internal/ui/mounts/secret")).toBe("not about a secret: sys/internal/ui");
    expect(secret("cubbyhole/mine")).toBe("not about a secret: cubbyhole/mine");
    expect(secret("database/creds/readonly", "read", { mount_type: "database", mount_point: "database/" })).toBe("not a KV secret (database): database/creds/readonly");
    expect(secret("kv/config", "update")).toBe("KV mount configuration: kv/config");
  });
});

describe("vaultActor", () => {
  const actor = (auth: AuditAuth | null) => vaultActor(auth);
  it("prefers the entity id and reads the auth method from the display name or the login metadata", () => {
    expect(actor({ display_name: "userpass-r1", entity_id: "e2853091" })).toEqual({ actor: "e2853091", actorType: "human", authSource: "userpass" });
    expect(actor({ display_name: "approle", entity_id: "", metadata: { role_name: "ci" } })).toEqual({ actor: "approle", actorType: "workload", authSource: "approle" });
    expect(actor({ display_name: "gke-useast1-retail-app1", entity_id: "6021", metadata: { service_account_name: "app1" } })).toEqual({ actor: "6021", actorType: "workload", authSource: "kubernetes" });
    expect(actor({ display_name: "oidc-alice@example.com", entity_id: "3f1e" })).toEqual({ actor: "3f1e", actorType: "human", authSource: "oidc" });
    expect(actor({ display_name: "root", policies: ["root"], entity_id: "" })).toEqual({ actor: "root", actorType: "root", authSource: "token" });
    expect(actor({ display_name: "token-deploy", token_policies: ["default"] })).toEqual({ actor: "token-deploy", actorType: "unknown", authSource: "token" });
    expect(actor({ display_name: "constructor-x" })).toEqual({ actor: "constructor-x", actorType: "unknown", authSource: "token" });
    expect(actor(null)).toEqual({ actor: "unknown", actorType: "unknown", authSource: null });
  });
});

describe("vaultErrorCode", () => {
  it("keeps the leading words of the first error, never the input Vault echoes", () => {
    expect(vaultErrorCode("1 error occurred:\n\t* permission denied\n\n")).toBe("permission denied");
    expect(vaultErrorCode("permission denied")).toBe("permission denied");
    expect(vaultErrorCode(`error converting input {"value":"sk_live_0123456789abcdef"} for field "data"`)).toBe("error converting input");
    expect(vaultErrorCode("{}")).toBe("error");
    expect(vaultErrorCode("")).toBeNull();
    expect(vaultErrorCode(undefined)).toBeNull();
  });
});
