import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gcpParser } from "@/lib/ingest/gcp/parser";
import { PLANTED_TOKEN, chunked, collect, everyOutcomeIsLocated, recordsInLine, withField } from "@/lib/ingest/testing";

const FILE = "fuzz.log";
const METHODS = ["AccessSecretVersion", "AddSecretVersion", "DestroySecretVersion", "SetIamPolicy", "ListSecrets", "GetSecret", "Frobnicate"];
const PATHS = [
  ["insertId"], ["timestamp"], ["logName"], ["protoPayload"], ["protoPayload", "serviceName"], ["protoPayload", "methodName"],
  ["protoPayload", "resourceName"], ["protoPayload", "authenticationInfo"], ["protoPayload", "authenticationInfo", "principalEmail"],
  ["protoPayload", "requestMetadata", "callerIp"], ["protoPayload", "status"], ["protoPayload", "status", "code"], ["protoPayload", "request"],
];

const logEntry = fc.record({
  insertId: fc.string({ minLength: 1, maxLength: 12 }),
  timestamp: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  logName: fc.constantFrom("projects/p/logs/cloudaudit.googleapis.com%2Fdata_access", "projects/p/logs/cloudaudit.googleapis.com%2Factivity"),
  protoPayload: fc.record({
    serviceName: fc.constantFrom("secretmanager.googleapis.com", "compute.googleapis.com"),
    methodName: fc.constantFrom(...METHODS).map((m) => `google.cloud.secretmanager.v1.SecretManagerService.${m}`),
    resourceName: fc.constantFrom("projects/p/secrets/s/versions/2", "projects/p", "projects/p/locations/l/secrets/t"),
    authenticationInfo: fc.constantFrom({ principalEmail: "a@example.com" }, { principalEmail: "sa@p.iam.gserviceaccount.com" }, {}),
    requestMetadata: fc.record({ callerIp: fc.constantFrom("192.0.2.1", "gce-internal-ip") }),
    status: fc.constantFrom({}, { code: 0 }, { code: 7, message: "denied" }),
  }),
});
const mutated = fc.tuple(logEntry, fc.constantFrom(...PATHS), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })).map(([entry, path, value]) => withField(entry, path, value));
const garbage = fc.string({ unit: "binary", maxLength: 120 }).map((s) => s.replaceAll("\n", " "));
const line = fc.oneof(logEntry.map((e) => JSON.stringify(e)), mutated.map((e) => JSON.stringify(e)), garbage, fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)));

describe("gcpParser under random input", () => {
  it("never throws on random bytes, plain or gzip, and locates every outcome", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), fc.integer({ min: 1, max: 64 }), async (bytes, zip, size) => {
        const input = zip ? gzipSync(bytes) : bytes;
        const outcomes = await collect(gcpParser, chunked(input, size), FILE);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
      }),
    );
  });

  it("gives every record of a line-per-entry file exactly one outcome, on its line", async () => {
    await fc.assert(
      fc.asyncProperty(logEntry, fc.array(line, { maxLength: 25 }), fc.integer({ min: 1, max: 97 }), fc.boolean(), async (first, rest, size, zip) => {
        const lines = [JSON.stringify(first), ...rest];
        const text = lines.join("\n");
        const bytes = Buffer.from(text);
        const outcomes = await collect(gcpParser, chunked(zip ? gzipSync(bytes) : bytes, size), FILE);
        const expected = lines.flatMap((l, i) => Array.from({ length: recordsInLine(l, "entries") }, () => i + 1));
        expect(outcomes.map((o) => o.location.line)).toEqual(expected);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
      }),
    );
  });

  it("gives every element of a JSON array exactly one outcome, by index", async () => {
    const element = fc.oneof(logEntry, mutated, fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 20 }), fc.constantFrom(undefined, 1, 2), fc.integer({ min: 1, max: 97 }), async (elements, indent, size) => {
        const outcomes = await collect(gcpParser, chunked(Buffer.from(JSON.stringify(elements, null, indent)), size), FILE);
        expect(outcomes.map((o) => o.location.index)).toEqual(elements.map((_, i) => i));
      }),
    );
  });

  it("survives any truncation: records before the cut keep their place, the cut is one outcome at the end", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(logEntry, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), async (entries, asArray, where) => {
        const text = asArray ? JSON.stringify(entries, null, 2) : entries.map((e) => JSON.stringify(e)).join("\n");
        const cut = text.slice(0, Math.floor(text.length * where));
        const outcomes = await collect(gcpParser, cut, FILE);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
        expect(outcomes.length).toBeLessThanOrEqual(entries.length + 1);
        const places = outcomes.map((o) => (asArray ? o.location.index! : o.location.line! - 1));
        expect(places).toEqual(places.map((_, i) => i));
      }),
    );
  });

  it("never throws on structural JSON noise, in lines or as a document", async () => {
    const piece = fc.constantFrom("[", "]", "{", "}", ",", ":", '"entries"', '"a"', "1", "-2.5e3", "null", "true", " ", "\n", '"\\u00e9\\"x"');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 1, max: 13 }), async (pieces, size) => {
        const outcomes = await collect(gcpParser, chunked(Buffer.from(pieces.join("")), size), FILE);
        expect(everyOutcomeIsLocated(outcomes, FILE)).toBe(true);
      }),
    );
  });

  it("never quotes a token planted in a garbled record", async () => {
    const planted = fc.tuple(logEntry, fc.constantFrom(...PATHS)).map(([entry, path]) => withField(entry, path, `x ${PLANTED_TOKEN} y`));
    const keyed = logEntry.map((entry) => ({ ...entry, protoPayload: { ...entry.protoPayload, [PLANTED_TOKEN]: 1 } }));
    const garble = fc.constantFrom("truncate", "prefix", "type", "none");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.oneof(planted, keyed), garble), { minLength: 1, maxLength: 10 }), fc.boolean(), async (records, asArray) => {
        const texts = records.map(([record, how]) => {
          const json = JSON.stringify(how === "type" ? withField(record, ["protoPayload", "methodName"], [PLANTED_TOKEN]) : record);
          if (how === "truncate") return json.slice(0, json.indexOf(PLANTED_TOKEN) + 10);
          if (how === "prefix") return `${PLANTED_TOKEN}${json}`;
          return json;
        });
        const outcomes = await collect(gcpParser, asArray ? `[${texts.join(",\n")}]` : texts.join("\n"), FILE);
        for (const outcome of outcomes) if (outcome.kind !== "event") expect(outcome.reason).not.toContain("ghp_");
      }),
    );
  });
});
