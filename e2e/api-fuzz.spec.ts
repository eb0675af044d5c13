// Every API handler, found in the route files themselves (a new route is fuzzed without a line
// here), is driven over real HTTP with hostile queries and bodies — NUL characters, huge and
// strange strings, wrong types, dates Postgres cannot hold, extreme numbers, forged cursors,
// nested junk, prototype keys, broken JSON, odd Origin headers — signed in as the admin persona.
// Never a 5xx; every 4xx is problem+json that names the problem; every method a route does not
// implement is a 405 problem with Allow.
//
// The shared e2e database stays as it was: a route with an id in its path gets an id nothing has,
// so even a valid body stops at 404; a write without one always carries a NUL character somewhere
// in its body, which no schema lets through (lib/http/parse-part.ts) — it is refused before the
// handler runs, and the spec fails if one is not.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { apiAs } from "./fixtures/api";
import { PERSONAS } from "./fixtures/auth";
import { apiHandlers, ROOT, type RouteHandler } from "./fixtures/route-files";

const RUNS = Number(process.env.KEYLEDGER_FUZZ_RUNS ?? 50);
const MISSING_ID = "00000000-0000-4000-8000-00000000f022";
const PARAMS: Record<string, string> = { id: MISSING_ID, token: "klc_no-such-feed.ics", tier: "1", environment: "prod", role: "operator" };
const REFUSABLE = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Field names any schema might have, read from the schema sources: probes learn which a route takes. */
function vocabulary(): string[] {
  const files = [
    ...readdirSync(path.join(ROOT, "lib/validation")).filter((f) => f.endsWith(".ts") && !f.includes(".test.")).map((f) => path.join(ROOT, "lib/validation", f)),
    ...apiHandlers().map((h) => path.join(ROOT, h.file)),
    path.join(ROOT, "lib/domain/reminders/preferences.ts"),
  ];
  const names = new Set(["cursor", "limit"]);
  for (const file of new Set(files)) {
    for (const m of readFileSync(file, "utf8").matchAll(/\b([a-z][A-Za-z0-9_]*)\s*:\s*(?:z\.|many\(|instant|tagKeyList|tagKeysSchema)/g)) names.add(m[1]!);
  }
  return [...names];
}

const urlOf = (route: string) => route.replace(/\[([^\]]+)\]/g, (_m, name: string) => PARAMS[name] ?? "fuzz");
const guardedById = (route: string) => /\[id\]/.test(route);
const isWrite = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method);

// ——— hostile values ———
const NUL = fc.constantFrom("\u0000", "a\u0000b", "\u0000".repeat(8));
const DATES = fc.constantFrom("0000-01-01", "9999-12-31", "1969-12-31", "2201-01-01", "275760-09-13", "+275760-09-13T00:00:00Z", "-000001-01-01T00:00:00Z", "2026-02-30", "2026-13-01", "1970-01-01T00:00:00+14:00", "2200-12-31T23:59:59-12:00", "2026-01-01T25:61:61Z", "now", "");
const NUMBERS = fc.constantFrom("1e308", "-1e308", "NaN", "Infinity", "-0", "0x1f", "9007199254740993", "-1", "0", "1.5", "99999999999999999999", "1e-400");
const WORDS = fc.constantFrom("prod", "1", "4", "unknown", "me", "true", "false", "csv", "yaml", "vault", "cloudtrail", "read", "success", "failure", "operator", "person", "team", "name", "desc", "any");
const ODD = fc.constantFrom(" ", "'; drop table secrets; --", "%", "_%\\", "../../etc/passwd", "${jndi:ldap://x}", "<script>alert(1)</script>", "\u202e\ufeff", "🔑".repeat(50), "=HYPERLINK(\"x\")", "x".repeat(5_000), "a,b,c", ",,,");
const unicode = fc.string({ unit: "grapheme", maxLength: 30 });
/** Text that survives encodeURIComponent (no lone surrogates). */
const TEXT = fc.oneof(unicode, ODD, WORDS, NUL, DATES, NUMBERS, fc.uuid());
const idLike = fc.oneof(fc.uuid(), fc.constantFrom("------------------------------------", "1", "999999999999999999", "-1", "0", MISSING_ID), TEXT);
const CURSOR = fc.tuple(fc.oneof(TEXT, DATES, NUMBERS), idLike).map(([key, id]) => Buffer.from(JSON.stringify([key, id])).toString("base64url"));
const scalarText = fc.oneof({ weight: 4, arbitrary: TEXT }, { weight: 1, arbitrary: CURSOR });

const jsonScalar = fc.oneof(
  scalarText,
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.5, -1, 0, 1, 3650, 100_000, true, false, null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const { json: jsonValue } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: "small", withCrossShrink: true }, jsonScalar, fc.array(tie("json"), { maxLength: 4 }), fc.dictionary(fc.oneof(TEXT, fc.constantFrom("__proto__", "constructor", "prototype")), tie("json"), { maxKeys: 4 })),
}));

/** A JSON object written by hand, so `__proto__` is a key in the text, not a prototype. */
const objectText = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`;
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

type Sent = { method: string; url: string; headers: Record<string, string>; body?: string };

function queryOf(keys: string[]) {
  const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys, "limit") }, { weight: 1, arbitrary: fc.oneof(TEXT, fc.constantFrom("__proto__", "constructor")) });
  const value = fc.oneof({ weight: 4, arbitrary: scalarText }, { weight: 1, arbitrary: fc.array(scalarText, { minLength: 2, maxLength: 3 }) });
  return fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    return params.toString();
  }).filter((query) => query.length < 6_000); // past Node's 16 KiB of headers it answers 431 itself, before Keyledger
}

function bodyOf(keys: string[], plantNul: boolean) {
  const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(keys.length ? keys : ["name"])) }, { weight: 1, arbitrary: fc.oneof(TEXT, fc.constantFrom("__proto__", "constructor", "prototype")) });
  const object = fc.tuple(fc.array(fc.tuple(key, jsonValue), { maxLength: 6 }), fc.constantFrom(...(keys.length ? keys : ["name"]))).map(([entries, planted]) => {
    const all: [string, unknown][] = plantNul ? [...entries, [planted, "planted\u0000"]] : entries;
    return { type: "application/json", text: objectText(all) };
  });
  return fc.oneof(
    { weight: 8, arbitrary: object },
    { weight: 1, arbitrary: fc.oneof(jsonValue.filter((v) => v === null || typeof v !== "object" || Array.isArray(v)).map((v) => JSON.stringify(v) ?? "null"), fc.constantFrom("{not json", "", "[", '{"a":1}}', "\u0000", deep(200), deep(5_000))).map((text) => ({ type: "application/json", text })) },
    { weight: 1, arbitrary: fc.constantFrom({ type: "text/plain", text: '{"name":"x"}' }, { type: "application/x-www-form-urlencoded", text: "action=resubscribe&x=%00" }, { type: "", text: "\u0000" }) },
  );
}

const ORIGINS = fc.option(fc.constantFrom("null", "http://[::1", "evil", "http://evil.example", "file://", "http://localhost:99999", "http://" + "a".repeat(300)), { freq: 4 });

let cookie = "";
let base = "";

async function send({ method, url, headers, body }: Sent) {
  const response = await fetch(`${base}${url}`, { method, headers: { cookie, accept: "application/json", ...headers }, body, redirect: "manual" });
  const type = response.headers.get("content-type") ?? "";
  // An export that passes validation streams the whole log: what matters is that it started cleanly.
  const text = type.includes("json") ? await response.text() : (await response.body?.cancel(), "");
  return { status: response.status, type, text, allow: response.headers.get("allow") };
}

function expectAnswerable(sent: Sent, answer: Awaited<ReturnType<typeof send>>) {
  const what = `${sent.method} ${sent.url} ${sent.body?.slice(0, 300) ?? ""} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, what).toBeLessThan(500);
  if (answer.status < 400) return;
  expect(answer.type, what).toContain("application/problem+json");
  const problem = JSON.parse(answer.text) as { detail?: string; errors?: { field: string; message: string }[] };
  expect(Boolean(problem.errors?.length) || Boolean(problem.detail?.trim()), what).toBe(true);
}

/** The keys of `part` the route accepts: all of the vocabulary except those it calls unrecognized. */
async function learnKeys(handler: RouteHandler, vocab: string[]): Promise<string[]> {
  const write = isWrite(handler.method);
  const sent: Sent = write
    ? { method: handler.method, url: urlOf(handler.route), headers: { "content-type": "application/json" }, body: objectText(vocab.map((k) => [k, "x"])) }
    : { method: handler.method, url: `${urlOf(handler.route)}?${vocab.map((k) => `${k}=x`).join("&")}`, headers: {} };
  const answer = await send(sent);
  expectAnswerable(sent, answer);
  if (write && !guardedById(handler.route)) expect(answer.status, `${handler.key} took a probe body`).toBeGreaterThanOrEqual(400);
  const prefix = write ? "body." : "query.";
  const problem = answer.type.includes("json") ? (JSON.parse(answer.text) as { errors?: { field: string; message: string }[] }) : {};
  const unrecognized = new Set((problem.errors ?? []).filter((e) => /unrecognized/i.test(e.message)).flatMap((e) => e.field.split(", ").map((f) => f.replace(prefix, ""))));
  return vocab.filter((k) => !unrecognized.has(k));
}

/** What the route files implement (otherMethods' refusals are checked by the 405 test below). */
const handlers = apiHandlers().filter((h) => !h.refused && REFUSABLE.includes(h.method as (typeof REFUSABLE)[number]));
const vocab = vocabulary();

test.beforeAll(async ({ baseURL }) => {
  base = baseURL!;
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  cookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  await admin.dispose();
});

for (const handler of handlers) {
  test(`${handler.key} answers hostile input with a located 4xx, never a 5xx`, async () => {
    const keys = await learnKeys(handler, vocab);
    const write = isWrite(handler.method);
    const plantNul = write && !guardedById(handler.route);
    const request = write
      ? fc.tuple(queryOf(keys.length ? keys : ["x"]), bodyOf(keys, plantNul), ORIGINS).map(([query, body, origin]): Sent => ({
          method: handler.method,
          url: `${urlOf(handler.route)}${query ? `?${query}` : ""}`,
          headers: { ...(body.type ? { "content-type": body.type } : {}), ...(origin !== null ? { origin } : {}) },
          body: body.text,
        }))
      : queryOf(keys).map((query): Sent => ({ method: handler.method, url: `${urlOf(handler.route)}${query ? `?${query}` : ""}`, headers: {} }));
    await fc.assert(
      fc.asyncProperty(request, async (sent) => {
        const answer = await send(sent);
        expectAnswerable(sent, answer);
        if (plantNul) expect(answer.status, `${sent.method} ${sent.url} changed something: ${sent.body}`).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
}

test("every method a route file does not implement is a 405 problem with Allow", async () => {
  for (const route of new Set(handlers.map((h) => h.route))) {
    const methods = handlers.filter((h) => h.route === route).map((h) => h.method as string);
    for (const method of REFUSABLE.filter((m) => !methods.includes(m))) {
      const sent: Sent = { method, url: urlOf(route), headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" };
      const answer = await send(sent);
      expect(answer.status, `${method} ${route}`).toBe(405);
      expectAnswerable(sent, answer);
      for (const allowed of methods) expect(answer.allow, `${method} ${route}`).toContain(allowed);
    }
    // OPTIONS lists what the route implements, not the refusals above.
    const options = await send({ method: "OPTIONS", url: urlOf(route), headers: {} });
    expect(options.status, `OPTIONS ${route}`).toBe(204);
    expect(options.allow?.split(", ").filter((m) => m !== "HEAD" && m !== "OPTIONS").sort(), `OPTIONS ${route}`).toEqual([...methods].sort());
  }
});

test("a body past KEYLEDGER_JSON_MAX_BYTES is refused with 413 on every JSON write", async () => {
  const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 16) });
  for (const handler of handlers.filter((h) => isWrite(h.method) && /schemas:\s*\{[^}]*body/.test(h.source))) {
    const sent: Sent = { method: handler.method, url: urlOf(handler.route), headers: { "content-type": "application/json" }, body: big };
    const answer = await send(sent);
    const limited = handler.route === "/api/v1/inventory-file" ? 422 : 413;
    expect(answer.status, handler.key).toBe(limited);
    expectAnswerable(sent, answer);
  }
});
