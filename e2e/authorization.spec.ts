// Every API handler and every dashboard page × every role, and someone signed out, over real HTTP
// against the built server. Which handlers and pages exist is read from the route files; what each
// needs is in e2e/fixtures/{route,page}-matrix.ts; who holds it comes from lib/auth/permissions.ts,
// so the table and this test cannot drift apart.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { can } from "@/lib/auth/permissions";
import { apiAs } from "./fixtures/api";
import { PERSONAS, type PersonaRole } from "./fixtures/auth";
import { findMatrixIds, type ScopeIds } from "./fixtures/matrix-ids";
import { PAGE_MATRIX } from "./fixtures/page-matrix";
import { apiHandlers, dashboardPages, type RouteHandler } from "./fixtures/route-files";
import { ROUTE_MATRIX, type MatrixIds, type RouteEntry } from "./fixtures/route-matrix";

const ROLES = Object.keys(PERSONAS) as PersonaRole[];
// Methods a route does not implement (otherMethods) refuse everyone alike: e2e/api-fuzz.spec.ts covers them.
const implemented = () => apiHandlers().filter((h) => !h.refused);
const handlers = implemented().flatMap((handler) => {
  const entry = ROUTE_MATRIX[handler.key];
  return entry ? [{ ...handler, entry }] : [];
});
const pages = dashboardPages().filter((p) => PAGE_MATRIX[p]);

let ids: MatrixIds & ScopeIds;
let anonymous: APIRequestContext;
const sessions = {} as Record<PersonaRole, APIRequestContext>;

test.beforeAll(async ({ baseURL, playwright }) => {
  for (const role of ROLES) sessions[role] = await apiAs(baseURL!, PERSONAS[role]);
  anonymous = await playwright.request.newContext({ baseURL });
  ids = await findMatrixIds(sessions);
});

test.afterAll(async () => {
  for (const api of [...Object.values(sessions), anonymous]) await api?.dispose();
});

const sessionless = ({ access }: RouteEntry) => access === "public" || access === "token";
const holds = (role: PersonaRole | null, { access }: RouteEntry) => role !== null && access !== "public" && access !== "token" && can(role, access);

/** What the tables promise: public and token routes answer everyone alike; else 401 signed out, 403 without the permission. */
function expectedStatus(role: PersonaRole | null, entry: RouteEntry): number {
  if (sessionless(entry)) return entry.passes;
  if (role === null) return 401;
  return holds(role, entry) ? entry.passes : 403;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** A role holding the permission sends the probe (it stops after authorization); everyone else the real call. */
async function callAs(api: APIRequestContext, role: PersonaRole | null, handler: RouteHandler & { entry: RouteEntry }) {
  const { entry } = handler;
  const { path, data } = (holds(role, entry) ? (entry.probe ?? entry.call) : entry.call)(ids);
  const response = await api.fetch(path, { method: handler.method, data, maxRedirects: 0 });
  const what = `${role ?? "signed out"} ${handler.method} ${path} (${handler.file})`;
  await expectAnswer(response, expectedStatus(role, entry), what);
}

async function expectAnswer(response: APIResponse, status: number, what: string) {
  expect.soft(response.status(), what).toBe(status);
  if (status < 400 || response.status() !== status) return;
  expect.soft(response.headers()["content-type"], what).toContain("application/problem+json");
  const problem = (await response.json()) as { status: number; errors?: { field: string }[] };
  expect.soft(problem.status, what).toBe(status);
  // 422 must be the body or query failing validation, which withRoute only reaches once authorized.
  if (status === 422) expect.soft(problem.errors?.map((e) => e.field).join(" "), what).toMatch(/\b(body|query)\b/);
}

/** The successes `email` recorded since `from`: a handler writes its event in its change's transaction. */
async function recordedSince(email: string, from: string) {
  const params = { actor: email, from, result: "success", limit: "500" };
  const response = await sessions.admin.get("/api/v1/access-events", { params });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { rawAction: string }[] }).items.map((e) => e.rawAction);
}

test("every API handler in app/api/v1 and every dashboard page has an entry in the matrix", () => {
  const found = implemented();
  const missing = found.filter((h) => !ROUTE_MATRIX[h.key]).map((h) => `  "${h.key}"  (${h.file})`);
  expect(missing, `Add these to ROUTE_MATRIX in e2e/fixtures/route-matrix.ts with the permission each needs (or "public"/"token"):\n${missing.join("\n")}\n`).toEqual([]);
  const stale = Object.keys(ROUTE_MATRIX).filter((key) => !found.some((h) => h.key === key));
  expect(stale, "No route file exports these any more: remove them from ROUTE_MATRIX in e2e/fixtures/route-matrix.ts").toEqual([]);

  const missingPages = dashboardPages().filter((p) => !PAGE_MATRIX[p]);
  expect(missingPages, "Add these app/(dashboard) pages to PAGE_MATRIX in e2e/fixtures/page-matrix.ts with the permissions they need").toEqual([]);
  const stalePages = Object.keys(PAGE_MATRIX).filter((p) => !dashboardPages().includes(p));
  expect(stalePages, "No page.tsx serves these any more: remove them from PAGE_MATRIX").toEqual([]);
});

for (const role of ROLES) {
  test(`every API handler answers ${role} as the permission table says, and what it refuses changes nothing`, async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    await inBatches(handlers, 6, (handler) => callAs(sessions[role], role, handler));
    const refused = new Set(handlers.map((h) => h.entry).filter((e) => e.audits && expectedStatus(role, e) === 403).map((e) => e.audits));
    const recorded = await recordedSince(PERSONAS[role], from);
    expect(recorded.filter((action) => refused.has(action)), `${role}: a refused request recorded a success`).toEqual([]);
    // The same search does find what this role was allowed to do: the check above is not vacuous.
    if (can(role, "secret:export")) expect(recorded, `${role}'s own export is in the log`).toContain("inventory.export_csv");
  });

  test(`every dashboard page answers ${role} as the permission table says`, async () => {
    await inBatches(pages, 4, async (pattern) => {
      const { needs, path } = PAGE_MATRIX[pattern]!;
      const response = await sessions[role].get(path(ids), { maxRedirects: 0 });
      expect.soft(response.status(), `${role} GET ${path(ids)} needs ${needs.join(" + ")}`).toBe(needs.every((p) => can(role, p)) ? 200 : 403);
    });
  });
}

test("someone signed out gets 401 from every API handler and is sent to sign in from every page", async () => {
  await inBatches(handlers, 6, (handler) => callAs(anonymous, null, handler));
  await inBatches(pages, 6, async (pattern) => {
    const path = PAGE_MATRIX[pattern]!.path(ids);
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect.soft(response.status(), path).toBe(307);
    expect.soft(response.headers().location, path).toContain("/sign-in?callbackUrl=");
  });
});

type Case = { what: string; api: APIRequestContext; url: string; method?: string; data?: unknown; status: number };

test("the DAL narrows further: an owner reaches only secrets they hold a role on; owners change only where they approve", async () => {
  const { owner, founder } = sessions;
  const reassign = (secret: string, personId: string) => ({ url: `/api/v1/secrets/${secret}/roles/creator`, method: "PUT", data: { personId } });
  const cases: Case[] = [
    { what: "owner reads a foreign secret", api: owner, url: `/api/v1/secrets/${ids.foreignSecret}`, status: 404 },
    { what: "owner opens a foreign secret's page", api: owner, url: `/secrets/${ids.foreignSecret}`, status: 404 },
    { what: "owner reads a task on a foreign secret", api: owner, url: `/api/v1/rotation/tasks/${ids.foreignTask}`, status: 404 },
    { what: "owner acknowledges a task on a foreign secret", api: owner, url: `/api/v1/rotation/tasks/${ids.foreignTask}/acknowledge`, method: "POST", status: 404 },
    { what: "owner reassigns a foreign secret", api: owner, ...reassign(ids.foreignSecret, ids.person), status: 404 },
    { what: "founder reassigns a secret someone else approves", api: founder, ...reassign(ids.secret, ids.creator), status: 403 },
    // The approver may: giving the creator role to its holder again changes nothing.
    { what: "owner reassigns a secret they approve", api: owner, ...reassign(ids.secret, ids.creator), status: 200 },
  ];
  if (ids.heldNotApproved) cases.push({ what: "owner reassigns a secret they hold but do not approve", api: owner, ...reassign(ids.heldNotApproved, ids.person), status: 403 });
  await inBatches(cases, 4, async ({ what, api, url, method = "GET", data, status }) => {
    expect.soft((await api.fetch(url, { method, data, maxRedirects: 0 })).status(), what).toBe(status);
  });

  const events = await owner.get("/api/v1/access-events", { params: { secret: ids.foreignSecret, limit: "5" } });
  expect(((await events.json()) as { items: unknown[] }).items, "owner searches a foreign secret's access events").toEqual([]);
  const { items } = (await (await owner.get("/api/v1/secrets", { params: { limit: "200" } })).json()) as { items: { holders: Record<string, { id: string } | undefined> }[] };
  expect(items.length).toBeGreaterThan(0);
  for (const secret of items) expect(Object.values(secret.holders).some((h) => h?.id === ids.person), "owner lists only secrets they hold a role on").toBe(true);
});
