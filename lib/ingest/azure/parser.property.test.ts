import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { azureParser } from "@/lib/ingest/azure/parser";
import { PLANTED_TOKEN, chunked, collect, everyOutcomeIsLocated, recordsInLine, withField } from "@/lib/ingest/testing";

const FILE = "fuzz.json";
const VAULT = "/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV1";
const time = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
const claims = fc.constantFrom({ upn: "a@example.com", oid: "o1" }, { oid: "6f1c3a2e-0d4b-4e8f-9a7c-5b2d1e3f4a01", appid: "x", idtyp: "app" }, {});

const auditEvent = fc.record({
  time,
  category: fc.constant("AuditEvent"),
  operationName: fc.constantFrom("SecretGet", "SecretSet", "SecretList", "KeyGet", "VaultPatch", "secretdelete", "SecretFrobnicate"),
  resourceId: fc.constant(VAULT),
  resultType: fc.constantFrom("Success", "Failure"),
  resultSignature: fc.constantFrom("OK", "Forbidden", "Unauthorized"),
  callerIpAddress: fc.constantFrom("192.0.2.1", "10.0.0.1:443", "<Redacted>"),
  correlationId: fc.uuid(),
  identity: claims.map((claim) => ({ claim })),
  properties: fc.record({
    id: fc.constantFrom("https://kv1.vault.azure.net/secrets/s/1", "https://kv1.vault.azure.net/"),
    requestUri: fc.constantFrom("https://kv1.vault.azure.net/secrets/s?api-version=7.4", "not a url"),
    httpStatusCode: fc.constantFrom(200, 401, 403, "404"),
  }),
});
const activity = fc.record({
  time,
  operationName: fc.constantFrom("MICROSOFT.KEYVAULT/VAULTS/WRITE", "Microsoft.KeyVault/vaults/accessPolicies/write", "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE"),
  category: fc.constant("Administrative"),
  resourceId: fc.constantFrom(VAULT, `${VAULT}/SECRETS/S1`, "/SUBSCRIPTIONS/S/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM"),
  resultType: fc.constantFrom("Start", "Success", "Failure"),
  resultSignature: fc.constantFrom("Started.", "Succeeded.OK", "Failed.Forbidden"),
  identity: claims.map((c) => ({ claims: c })),
});
const rest = fc.record({
  eventTimestamp: time,
  eventDataId: fc.uuid(),
  operationName: fc.record({ value: fc.constantFrom("Microsoft.KeyVault/vaults/delete", "Microsoft.Authorization/roleAssignments/write") }),
  resourceId: fc.constant(VAULT),
  status: fc.record({ value: fc.constantFrom("Started", "Succeeded", "Failed") }),
  caller: fc.constantFrom("a@example.com", "6f1c3a2e-0d4b-4e8f-9a7c-5b2d1e3f4a01"),
});
const record = fc.oneof(auditEvent, activity, rest);
const PATHS = [
  ["time"], ["eventTimestamp"], ["operationName"], ["operationName", "value"], ["category"], ["resourceId"], ["resultType"], ["resultSignature"],
  ["identity"], ["identity", "claim"], ["identity", "claim", "upn"], ["identity", "claims"], ["properties"], ["properties", "id"],
  ["properties", "httpStatusCode"], ["callerIpAddress"], ["caller"], ["status"], ["records"],
];
const mutated = fc.tuple(record, fc.constantFrom(...PATHS), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })).map(([r, path, value]) => withField(r, path, value));
const garbage = fc.string({ unit: "binary", maxLength: 120 }).map((s) => s.replaceAll("\n", " "));
const wrapper = fc.array(fc.oneof(record, mutated), { maxLength: 4 }).map((records) => ({ records }));
const line = fc.oneof(
  record.map((r) => JSON.stringify(r)),
  mutated.map((r) => JSON.stringify(r)),
  wrapper.map((w) => JSON.stringify(w)),
  garbage,
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
);

describe("azureParser under random input", () => {
  it("never throws on random bytes, plain or gzip, and locates every outcome", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), fc.integer({ min: 1, max: 64 }), async (bytes, zip, size) => {
        const outcomes = await collect(azureParser, chunked(zip ? gzipSync(bytes) : bytes, size), FILE);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
      }),
    );
  });

  it("gives every record of a line-per-record file exactly one outcome, on its line", async () => {
    await fc.assert(
      fc.asyncProperty(record, fc.array(line, { maxLength: 25 }), fc.integer({ min: 1, max: 97 }), fc.boolean(), async (first, rest, size, zip) => {
        const lines = [JSON.stringify(first), ...rest];
        const bytes = Buffer.from(lines.join("\n"));
        const outcomes = await collect(azureParser, chunked(zip ? gzipSync(bytes) : bytes, size), FILE);
        const expected = lines.flatMap((l, i) => Array.from({ length: recordsInLine(l, "records") }, () => i + 1));
        expect(outcomes.map((o) => o.location.line)).toEqual(expected);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
      }),
    );
  });

  it('gives every element of {"records": [...]} and of a top-level array exactly one outcome, by index', async () => {
    const element = fc.oneof(record, mutated, fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 20 }), fc.boolean(), fc.constantFrom(undefined, 2), fc.integer({ min: 1, max: 97 }), async (elements, wrapped, indent, size) => {
        const text = JSON.stringify(wrapped ? { records: elements } : elements, null, indent);
        const outcomes = await collect(azureParser, chunked(Buffer.from(text), size), FILE);
        expect(outcomes.map((o) => o.location.index)).toEqual(elements.map((_, i) => i));
      }),
    );
  });

  it("survives any truncation: records before the cut keep their place, the cut is one outcome at the end", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), async (records, asDocument, where) => {
        const text = asDocument ? JSON.stringify({ records }, null, 2) : records.map((r) => JSON.stringify(r)).join("\n");
        const outcomes = await collect(azureParser, text.slice(0, Math.floor(text.length * where)), FILE);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
        expect(outcomes.length).toBeLessThanOrEqual(records.length + 1);
        const places = outcomes.map((o) => (asDocument ? o.location.index! : o.location.line! - 1));
        expect(places).toEqual(places.map((_, i) => i));
      }),
    );
  });

  it("never throws on structural JSON noise, in lines or as a document", async () => {
    const piece = fc.constantFrom("[", "]", "{", "}", ",", ":", '"records"', '"a"', "1", "-2.5e3", "null", "true", " ", "\n", '"\\u00e9\\"x"');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 1, max: 13 }), async (pieces, size) => {
        const outcomes = await collect(azureParser, chunked(Buffer.from(pieces.join("")), size), FILE);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
      }),
    );
  });

  it("never quotes a token planted in a garbled record", async () => {
    const planted = fc.tuple(record, fc.constantFrom(...PATHS)).map(([r, path]) => withField(r, path, `${PLANTED_TOKEN}`));
    const keyed = record.map((r) => ({ ...r, [PLANTED_TOKEN]: { [PLANTED_TOKEN]: PLANTED_TOKEN } }));
    const garble = fc.constantFrom("truncate", "prefix", "type", "none");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.oneof(planted, keyed), garble), { minLength: 1, maxLength: 10 }), fc.boolean(), async (records, asDocument) => {
        const texts = records.map(([r, how]) => {
          const json = JSON.stringify(how === "type" ? withField(r, ["identity"], PLANTED_TOKEN) : r);
          if (how === "truncate") return json.slice(0, json.indexOf(PLANTED_TOKEN) + 12);
          if (how === "prefix") return `${PLANTED_TOKEN}${json}`;
          return json;
        });
        const outcomes = await collect(azureParser, asDocument ? `{"records": [${texts.join(",\n")}]}` : texts.join("\n"), FILE);
        for (const outcome of outcomes) if (outcome.kind !== "event") expect(outcome.reason).not.toContain("ghp_");
      }),
    );
  });
});
