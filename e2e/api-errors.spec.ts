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
