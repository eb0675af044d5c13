import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { azureParser } from "@/lib/ingest/azure/parser";
import { chunked, collect, fixture, tally } from "@/lib/ingest/testing";
import type { NormalizedEvent, ParseOutcome } from "@/lib/ingest/types";

const KV = "https://acme-prod-kv.vault.azure.net";
const auditLines = fixture("azure", "kv-auditevent.jsonl");
const events = (outcomes: ParseOutcome[]) => outcomes.flatMap((o) => (o.kind === "event" ? [o.event] : []));
const summary = (outcomes: ParseOutcome[]) => outcomes.map((o) => (o.kind === "event" ? [o.event.action, o.event.secretRef] : [o.kind, o.reason]));

const secretGet: NormalizedEvent = {
  occurredAt: "2026-03-02T10:15:02.411179Z",
  sourceKind: "azure",
  action: "read",
  rawAction: "SecretGet",
  result: "success",
  errorCode: null,
  actor: "alice@acme.example",
  actorType: "human",
  authSource: "user",
  sourceIp: "198.51.100.7",
  userAgent: "azsdk-python-keyvault-secrets/4.8.0 Python/3.12.2 (Linux-6.5.0-x86_64-with-glibc2.35)",
  secretRef: `${KV}/secrets/Stripe-Api-Key`,
  rawId: expect.stringMatching(/^kv:[0-9a-f]{40}$/) as unknown as string,
};

const auditEvent = (fields: Record<string, unknown>) =>
  JSON.stringify({
    time: "2026-03-02T10:00:00Z",
    category: "AuditEvent",
    operationName: "SecretGet",
    resourceId: "/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV1",
    identity: { claim: { upn: "bob@acme.example" } },
    properties: { id: "https://kv1.vault.azure.net/secrets/s/1", httpStatusCode: 200 },
    ...fields,
  });

describe("azureParser on Key Vault AuditEvent logs", () => {
  it("maps secret operations, skips keys, certificates, vault reads, notices and 401 challenges", async () => {
    const outcomes = await collect(azureParser, auditLines, "PT1H.json");
    expect(tally(outcomes)).toEqual({
      events: 12,
      skipped: { "authentication challenge without a caller": 1, "expiry notification, not an operation": 1, "not a secret operation": 4 },
      quarantined: 0,
    });
    expect(outcomes.map((o) => o.location)).toEqual(outcomes.map((_, i) => ({ file: "PT1H.json", line: i + 1 })));
    expect(events(outcomes).map((e) => [e.rawAction, e.action, e.secretRef])).toEqual([
      ["SecretGet", "read", `${KV}/secrets/Stripe-Api-Key`],
      ["SecretGet", "read", `${KV}/secrets/db-password`],
      ["SecretSet", "rotate", `${KV}/secrets/db-password`],
      ["SecretList", "list", KV],
      ["SecretListVersions", "list", `${KV}/secrets/db-password`],
      ["SecretUpdate", "update", `${KV}/secrets/db-password`],
      ["SecretBackup", "read", `${KV}/secrets/db-password`],
      ["SecretDelete", "delete", `${KV}/secrets/legacy-token`],
      ["SecretRecover", "restore", `${KV}/secrets/legacy-token`],
      ["SecretPurge", "delete", `${KV}/secrets/legacy-token`],
      ["SecretRestore", "restore", `${KV}/secrets/legacy-token`],
      ["VaultPatch", "policy_change", KV],
    ]);
  });

  it("produces complete normalized events: users, managed identities, service principals, failures", async () => {
    const [get, denied, set] = events(await collect(azureParser, auditLines));
    expect(get).toEqual(secretGet);
    expect(denied).toEqual({
      ...secretGet,
      occurredAt: "2026-03-02T10:20:00.000Z",
      result: "failure",
      errorCode: "Forbidden",
      actor: "e4f5a6b7-c8d9-4eaf-b0c1-d2e3f4a5b604",
      actorType: "workload",
      authSource: "managed-identity",
      sourceIp: "10.1.2.3",
      userAgent: "azsdk-net-Security.KeyVault.Secrets/4.6.0 (.NET 8.0.2; Ubuntu 22.04.4 LTS)",
      secretRef: `${KV}/secrets/db-password`,
    });
    expect(set).toMatchObject({ action: "rotate", actor: "a7d3e9b1-2c4f-4a6e-8b0d-9f1e2d3c4b02", actorType: "workload", authSource: "service-principal" });
  });

  it('reads the {"records": [...]} shape by index, and gives a record the same rawId in both shapes', async () => {
    const outcomes = await collect(azureParser, fixture("azure", "kv-records.json"), "records.json");
    expect(outcomes.map((o) => [o.kind, o.location])).toEqual([
      ["skipped", { file: "records.json", line: 3, index: 0 }],
      ["event", { file: "records.json", line: 29, index: 1 }],
      ["event", { file: "records.json", line: 61, index: 2 }],
    ]);
    const fromLines = events(await collect(azureParser, auditLines));
    expect(events(outcomes)).toEqual([fromLines[0], fromLines[2]]);
    const oneLine = JSON.stringify(JSON.parse(fixture("azure", "kv-records.json").toString()));
    expect((await collect(azureParser, `${oneLine}\n${oneLine}\n`)).map((o) => [o.location.line, o.location.index])).toEqual([
      [1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [2, 2],
    ]);
  });

  it("reads the same events from gzip, whatever the chunking, and operation names in any case", async () => {
    const plain = await collect(azureParser, auditLines);
    expect(await collect(azureParser, chunked(gzipSync(auditLines), 11))).toEqual(plain);
    expect(await collect(azureParser, chunked(auditLines, 3))).toEqual(plain);
    expect(events(await collect(azureParser, auditEvent({ operationName: "SECRETGET" })))[0]).toMatchObject({ action: "read", rawAction: "SECRETGET" });
  });
});

describe("azureParser on Activity Log entries", () => {
  it("maps vault, access-policy, secret and role-assignment writes from a storage export", async () => {
    const outcomes = await collect(azureParser, fixture("azure", "activity-storage.jsonl"));
    expect(summary(outcomes)).toEqual([
      ["skipped", "operation start; its outcome is a separate record"],
      ["policy_change", KV],
      ["update", `${KV}/secrets/Sendgrid-Key`],
      ["policy_change", KV],
      ["policy_change", KV],
      ["skipped", "not a Key Vault entry"],
      ["skipped", "not a Key Vault entry"],
      ["skipped", "not a secret operation"],
    ]);
    expect(events(outcomes)[0]).toEqual({
      occurredAt: "2026-03-02T12:00:01.200Z",
      sourceKind: "azure",
      action: "policy_change",
      rawAction: "MICROSOFT.KEYVAULT/VAULTS/ACCESSPOLICIES/WRITE",
      result: "success",
      errorCode: null,
      actor: "alice@acme.example",
      actorType: "human",
      authSource: "user",
      sourceIp: "198.51.100.7",
      userAgent: null,
      secretRef: KV,
      rawId: expect.stringMatching(/^activity:[0-9a-f]{40}$/),
    });
    expect(events(outcomes)[2]).toMatchObject({ result: "failure", errorCode: "Forbidden", actorType: "workload" });
  });

  it("maps the REST shape (az monitor activity-log list) with its eventDataId", async () => {
    const outcomes = await collect(azureParser, fixture("azure", "activity-rest.json"), "activity.json");
    expect(summary(outcomes)).toEqual([
      ["policy_change", KV],
      ["skipped", "operation start; its outcome is a separate record"],
      ["delete", KV],
    ]);
    const [policy, vaultDelete] = events(outcomes);
    expect(policy).toMatchObject({ rawId: "activity:aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e", actor: "alice@acme.example", occurredAt: "2026-03-02T12:00:01.200Z" });
    // No claims: the caller's object id names the service principal.
    expect(vaultDelete).toMatchObject({ result: "failure", errorCode: "Forbidden", actor: "a7d3e9b1-2c4f-4a6e-8b0d-9f1e2d3c4b02", actorType: "workload", authSource: "service-principal" });
  });
});

describe("azureParser quarantines what it cannot read, with its location", () => {
  it("names the field of a wrong type or a missing one, never its value", async () => {
    const text = [
      auditEvent({ operationName: 5 }),
      auditEvent({ operationName: undefined }),
      auditEvent({ time: undefined }),
      auditEvent({ time: "last Tuesday" }),
      auditEvent({ identity: "bob" }),
      auditEvent({ identity: { claim: ["upn"] } }),
      auditEvent({ properties: { httpStatusCode: { code: 200 } } }),
      JSON.stringify({ eventTimestamp: "2026-03-02T10:00:00Z", operationName: { value: 3 } }),
      '"just a string"',
      '{"time": "2026-03-02T10:00:00Z", "operationName": "SecretGet", "identity": {"claim": {"upn": "bo',
    ].join("\n");
    expect((await collect(azureParser, text, "bad.json")).map((o) => [o.kind, o.kind === "event" ? null : o.reason, o.location.line])).toEqual([
      ["quarantined", "field operationName: expected string or object", 1],
      ["quarantined", "missing field operationName", 2],
      ["quarantined", "missing field time", 3],
      ["quarantined", "field time: not a date-time (ISO 8601, or a SIEM export's 2026-11-20 09:15:02.123456)", 4],
      ["quarantined", "field identity: expected object, received string", 5],
      ["quarantined", "field identity.claim: expected object, received array", 6],
      ["quarantined", "field properties.httpStatusCode: invalid input", 7],
      ["quarantined", "field operationName.value: expected string, received number", 8],
      ["quarantined", "not a JSON object", 9],
      ["quarantined", "not valid JSON (unterminated string at character 97)", 10],
    ]);
  });

  it("quarantines a 10 MB line, invalid UTF-8 and a corrupt gzip, and reads on", async () => {
    const huge = auditEvent({ padding: "z".repeat(10 * 1024 * 1024) });
    const invalid = Buffer.concat([Buffer.from(auditEvent({}).slice(0, 30)), Buffer.from([0xe2, 0x82]), Buffer.from(auditEvent({}).slice(30))]);
    const outcomes = await collect(azureParser, [auditEvent({}), "\n", huge, "\n", invalid, "\n", auditEvent({})]);
    expect(outcomes.map((o) => [o.kind, o.kind === "event" ? null : o.reason, o.location.line])).toEqual([
      ["event", null, 1],
      ["quarantined", `line is longer than 1 MiB (${huge.length} bytes); not read`, 2],
      ["quarantined", "line is not valid UTF-8", 3],
      ["event", null, 4],
    ]);
    const zipped = gzipSync(Buffer.from(`${auditEvent({})}\n`.repeat(300)));
    const cut = await collect(azureParser, [zipped.subarray(0, 200), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])]);
    expect(cut.at(-1)).toMatchObject({ kind: "quarantined", reason: expect.stringMatching(/^the file is not readable past this point/) });
  });

  it("in a records document: a cut, a syntax error or a huge record is located by index", async () => {
    const record = JSON.parse(auditEvent({}));
    const doc = JSON.stringify({ records: [record, record, record] }, null, 2);
    expect((await collect(azureParser, doc.slice(0, doc.length - 100))).map((o) => [o.kind, o.location.index])).toEqual([
      ["event", 0], ["event", 1], ["quarantined", 2],
    ]);
    const big = JSON.stringify({ records: [record, { ...record, padding: "q".repeat(2 * 1024 * 1024) }, record] });
    expect((await collect(azureParser, big)).map((o) => [o.kind, o.kind === "event" ? null : o.reason, o.location.index])).toEqual([
      ["event", null, 0], ["quarantined", "record is larger than 1 MiB; not read", 1], ["event", null, 2],
    ]);
    const broken = await collect(azureParser, doc.replace('"category": "AuditEvent",', '"category": AuditEvent,'));
    expect(broken).toEqual([{ kind: "quarantined", reason: expect.stringMatching(/^not valid JSON from here on/), location: { file: "audit.log", line: 5, index: 0 } }]);
  });
});
