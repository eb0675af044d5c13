// Bad input gets a located 4xx problem+json and changes nothing; unknown ids get 404.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, findPerson, findSecret, type SecretRow } from "./fixtures/api";
import { PERSONAS } from "./fixtures/auth";

let admin: APIRequestContext;
let secret: SecretRow;

test.beforeAll(async ({ baseURL }) => {
  admin = await apiAs(baseURL!, PERSONAS.admin);
  secret = await findSecret(admin, { q: "prod/payments/stripe-secret-key" });
});
test.afterAll(() => admin.dispose());

async function expectProblem(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, field?: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await response.json()) as { errors: { field: string }[]; detail: string };
  expect(problem).toMatchObject({ status, type: expect.stringMatching(/^urn:keyledger:problem:/), requestId: expect.any(String) });
  if (field) expect(problem.errors.map((e) => e.field)).toContain(field);
  return problem;
}

test("a malformed query string names the field", async () => {
  await expectProblem(await admin.get("/api/v1/secrets?tier=9"), 422, "query.tier.0");
  await expectProblem(await admin.get("/api/v1/secrets?limit=abc"), 422, "query.limit");
  await expectProblem(await admin.get("/api/v1/secrets?limit=100000"), 422, "query.limit");
  await expectProblem(await admin.get("/api/v1/secrets?sort=value"), 422, "query.sort");
  await expectProblem(await admin.get("/api/v1/secrets?bogus=1"), 422, "query.bogus");
  await expectProblem(await admin.get("/api/v1/secrets?cursor=garbage"), 422, "query.cursor");
  await expectProblem(await admin.get("/api/v1/secrets?source=not-a-uuid"), 422, "query.source.0");
  await expectProblem(await admin.get("/api/v1/secrets/summary?environment=moon"), 422, "query.environment.0");
});

test("an unknown or malformed id is a 404, not a 500 and not another secret", async () => {
  await expectProblem(await admin.get("/api/v1/secrets/00000000-0000-4000-8000-000000000000"), 404);
  await expectProblem(await admin.get("/api/v1/secrets/not-a-uuid"), 404);
  await expectProblem(await admin.get("/api/v1/people/00000000-0000-4000-8000-000000000000"), 404);
  await expectProblem(await admin.put("/api/v1/secrets/00000000-0000-4000-8000-000000000000/roles/operator", { data: { personId: secret.holders.operator?.id } }), 404);
  await expectProblem(await admin.put(`/api/v1/secrets/${secret.id}/roles/janitor`, { data: { personId: secret.holders.operator?.id } }), 404);
});

test("a bad body names the field and changes nothing", async () => {
  const url = `/api/v1/secrets/${secret.id}/roles/operator`;
  const jonas = await findPerson(admin, "jonas@lumenpay.example");
  await expectProblem(await admin.put(url, { data: {} }), 422, "body.personId");
  await expectProblem(await admin.put(url, { data: { personId: "nobody" } }), 422, "body.personId");
  await expectProblem(await admin.put(url, { data: { personId: secret.holders.operator?.id, extra: true } }), 422, "body.extra");
  await expectProblem(await admin.put(url, { data: { personId: "00000000-0000-4000-8000-000000000000" } }), 422, "body.personId");
  const offboarded = await expectProblem(await admin.put(url, { data: { personId: jonas.id } }), 422, "body.personId");
  expect(offboarded.detail).toContain("offboarded");
  await expectProblem(await admin.put(url, { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") }), 400, "body");
  await expectProblem(await admin.put(url, { headers: { "content-type": "text/plain" }, data: "x" }), 422, "body");
  const after = (await (await admin.get(`/api/v1/secrets/${secret.id}`)).json()) as { holders: Record<string, { id: string } | undefined> };
  expect(after.holders.operator?.id).toBe(secret.holders.operator?.id);
});

test("a write from another site is refused", async () => {
  const response = await admin.put(`/api/v1/secrets/${secret.id}/roles/operator`, {
    headers: { origin: "http://evil.example" },
    data: { personId: secret.holders.operator?.id },
  });
  await expectProblem(response, 403);
});

const cursorOf = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString("base64url");

test("a well-formed cursor with a key or id the query cannot use is a 422 on the cursor, not a 500", async () => {
  const uuid = "00000000-0000-4000-8000-000000000000";
  await expectProblem(await admin.get(`/api/v1/secrets?sort=tier&cursor=${cursorOf("not-a-number", uuid)}`), 422, "query.cursor");
  await expectProblem(await admin.get(`/api/v1/secrets?sort=last_rotated&cursor=${cursorOf("2026-02-30 10:00:00+00", uuid)}`), 422, "query.cursor");
  await expectProblem(await admin.get(`/api/v1/secrets?cursor=${cursorOf("a", "------------------------------------")}`), 422, "query.cursor");
  await expectProblem(await admin.get(`/api/v1/secrets?cursor=${cursorOf("a\u0000b", uuid)}`), 422, "query.cursor");
  await expectProblem(await admin.get(`/api/v1/access-events?cursor=${cursorOf("yesterday", "1")}`), 422, "query.cursor");
  await expectProblem(await admin.get(`/api/v1/access-events?cursor=${cursorOf("0000-01-01T00:00:00.000Z", "1")}`), 422, "query.cursor");
  await expectProblem(await admin.get(`/api/v1/rotation/tasks?cursor=${cursorOf("soon", uuid)}`), 422, "query.cursor");
});

test("a NUL character anywhere in a query or body is a 422 naming the field", async () => {
  await expectProblem(await admin.get("/api/v1/secrets?q=a%00b"), 422, "query.q");
  await expectProblem(await admin.get("/api/v1/access-events?actor=%00"), 422, "query.actor");
  await expectProblem(await admin.get("/api/v1/access-events/export?q=%00"), 422, "query.q");
  await expectProblem(await admin.post("/api/v1/api-tokens", { data: { name: "ci\u0000shipper" } }), 422, "body.name");
  await expectProblem(await admin.post("/api/v1/sources", { data: { kind: "vault", name: "Vault NUL", config: { nested: { address: "http://x\u0000" } } } }), 422, "body.config.nested.address");
  const tokens = (await (await admin.get("/api/v1/api-tokens")).json()) as { items: { name: string }[] };
  expect(tokens.items.map((t) => t.name)).not.toContain("ci\u0000shipper");
});

test("dates outside 1970–2200 are a 422 naming the field, before any export byte", async () => {
  await expectProblem(await admin.get("/api/v1/access-events?from=0000-01-01"), 422, "query.from");
  await expectProblem(await admin.get("/api/v1/access-events?to=9999-12-31"), 422, "query.to");
  await expectProblem(await admin.get("/api/v1/access-events/daily?from=1969-12-31"), 422, "query.from");
  await expectProblem(await admin.get("/api/v1/rotation/tasks?from=0000-01-01"), 422, "query.from");
  await expectProblem(await admin.get("/api/v1/rotation/tasks?to=9999-12-31"), 422, "query.to");
  const exported = await admin.get("/api/v1/access-events/export?to=9999-12-31");
  await expectProblem(exported, 422, "query.to");
});

test("a malformed Origin on a write is refused as cross-site, not a 500", async () => {
  const url = `/api/v1/secrets/${secret.id}/roles/operator`;
  for (const origin of ["null", "http://[::1", "not a url"]) {
    await expectProblem(await admin.put(url, { headers: { origin }, data: { personId: secret.holders.operator?.id } }), 403, "headers.origin");
  }
});

test("a method a route does not implement is a 405 problem with Allow", async () => {
  const patch = await expectProblem(await admin.patch("/api/v1/secrets", { data: {} }), 405, "method");
  expect(patch.detail).toContain("GET");
  const response = await admin.delete("/api/v1/people");
  await expectProblem(response, 405, "method");
  expect(response.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  const options = await admin.fetch("/api/v1/people", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  const calendar = await admin.post("/api/v1/calendar/klc_secret-in-the-path.ics");
  const problem = await expectProblem(calendar, 405, "method");
  expect(JSON.stringify(problem)).not.toContain("klc_secret-in-the-path");
});

test("a JSON body past KEYLEDGER_JSON_MAX_BYTES is a 413 — declared or streamed — and so is a large unsubscribe form", async () => {
  const big = JSON.stringify({ name: "x".repeat(1024 * 1024) });
  await expectProblem(await admin.post("/api/v1/api-tokens", { headers: { "content-type": "application/json" }, data: big }), 413, "body");
  // Without a Content-Length the body is cut off where it crosses the limit.
  const cookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const chunks = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(i ? "x".repeat(64 * 1024) : `{"name":"`));
      controller.close();
    },
  });
  const streamed = await fetch(`${test.info().project.use.baseURL}/api/v1/api-tokens`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: chunks, duplex: "half" } as RequestInit);
  expect(streamed.status).toBe(413);
  expect(streamed.headers.get("content-type")).toContain("application/problem+json");
  // Signed out, with a link that would not verify: refused for its size before anything reads it.
  const form = await fetch(`${test.info().project.use.baseURL}/api/v1/reminders/unsubscribe?token=x`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `action=${"x".repeat(2 * 1024 * 1024)}` });
  expect(form.status).toBe(413);
  expect(((await form.json()) as { detail: string }).detail).toContain("KEYLEDGER_JSON_MAX_BYTES");
});
