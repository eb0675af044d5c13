// Every page and every API route × every role, with the expected answer taken from the
// permission table itself — plus what someone who is not signed in gets.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { can, type Permission } from "../lib/auth/permissions";
import { AREAS } from "../lib/navigation";
import { apiAs, findPerson, findSecret, type SecretRow } from "./fixtures/api";
import { PERSONAS, type PersonaRole } from "./fixtures/auth";

type Ids = { secret: SecretRow; person: string; source: string; personas: Record<PersonaRole, string> };
type Endpoint = { method: "GET" | "PUT" | "POST"; path: (ids: Ids) => string; permission: Permission; body?: (ids: Ids) => unknown };

const PAGES: { path: (ids: Ids) => string; permission: Permission }[] = [
  ...AREAS.map((a) => ({ path: () => a.href, permission: a.permission })),
  { path: (ids) => `/secrets/${ids.secret.id}`, permission: "secret:read" },
  { path: (ids) => `/people/${ids.person}`, permission: "person:read" },
  { path: (ids) => `/sources/${ids.source}`, permission: "source:read" },
  { path: () => "/sources/new", permission: "source:manage" },
];

const ENDPOINTS: Endpoint[] = [
  { method: "GET", path: () => "/api/v1/secrets", permission: "secret:read" },
  { method: "GET", path: () => "/api/v1/secrets/summary", permission: "secret:read" },
  { method: "GET", path: () => "/api/v1/secrets/export", permission: "secret:export" },
  { method: "GET", path: (ids) => `/api/v1/secrets/${ids.secret.id}`, permission: "secret:read" },
  { method: "GET", path: () => "/api/v1/people", permission: "person:read" },
  { method: "GET", path: (ids) => `/api/v1/people/${ids.person}`, permission: "person:read" },
  { method: "GET", path: () => "/api/v1/sources", permission: "source:read" },
  { method: "GET", path: () => "/api/v1/access-events?limit=5", permission: "access-log:read" },
  { method: "GET", path: () => "/api/v1/access-events/daily", permission: "access-log:read" },
  { method: "GET", path: () => "/api/v1/api-tokens", permission: "token:manage" },
  { method: "GET", path: () => "/api/v1/inventory-file?format=yaml", permission: "source:read" },
  { method: "GET", path: () => "/api/v1/access-events/export?from=2099-01-01", permission: "access-log:read" },
  { method: "GET", path: (ids) => `/api/v1/sources/${ids.source}`, permission: "source:read" },
  { method: "POST", path: (ids) => `/api/v1/sources/${ids.source}/test`, permission: "source:manage" },
  { method: "GET", path: () => "/api/v1/rotation/tasks?limit=5", permission: "rotation:read" },
  { method: "GET", path: () => "/api/v1/rotation/summary", permission: "rotation:read" },
  { method: "GET", path: () => "/api/v1/rotation/policies", permission: "rotation:read" },
  { method: "GET", path: () => "/api/v1/rotation/settings", permission: "rotation:read" },
  { method: "GET", path: () => "/api/v1/rotation/capacity", permission: "rotation:read" },
  { method: "GET", path: () => "/api/v1/reminders/preferences", permission: "rotation:read" },
  { method: "GET", path: () => "/api/v1/calendar-feeds", permission: "rotation:work" },
  {
    method: "PUT",
    path: (ids) => `/api/v1/secrets/${ids.secret.id}/roles/creator`,
    permission: "ownership:assign",
    body: (ids) => ({ personId: ids.secret.holders.creator?.id }),
  },
];

let ids: Ids;
const sessions = new Map<PersonaRole, APIRequestContext>();

test.beforeAll(async ({ baseURL }) => {
  for (const role of Object.keys(PERSONAS) as PersonaRole[]) sessions.set(role, await apiAs(baseURL!, PERSONAS[role]));
  // A secret the owner persona approves, so "allowed" is reachable for every role the table allows.
  const owner = sessions.get("owner")!;
  const admin = sessions.get("admin")!;
  const personas = Object.fromEntries(
    await Promise.all((Object.keys(PERSONAS) as PersonaRole[]).map(async (role) => [role, (await findPerson(admin, PERSONAS[role])).id])),
  ) as Record<PersonaRole, string>;
  const { items } = (await (await owner.get("/api/v1/secrets", { params: { limit: "200" } })).json()) as { items: SecretRow[] };
  const secret = items.find((s) => s.holders.approver?.id === personas.owner && s.holders.creator) ?? (await findSecret(owner, {}));
  const { items: sourceRows } = (await (await admin.get("/api/v1/sources")).json()) as { items: { id: string }[] };
  ids = { secret, person: personas.owner, source: sourceRows[0]!.id, personas };
});

test.afterAll(async () => {
  for (const session of sessions.values()) await session.dispose();
});

function expectedApi(role: PersonaRole, endpoint: Endpoint): number {
  if (!can(role, endpoint.permission)) return 403;
  // Changing owners is narrowed further by the DAL: admins anywhere, others only where they approve.
  const approves = ids.secret.holders.approver?.id === ids.personas[role];
  if (endpoint.permission === "ownership:assign" && role !== "admin" && !approves) return 403;
  return 200;
}

for (const role of Object.keys(PERSONAS) as PersonaRole[]) {
  test(`pages for ${role}`, async () => {
    const session = sessions.get(role)!;
    for (const page of PAGES) {
      const response = await session.get(page.path(ids), { maxRedirects: 0 });
      expect(response.status(), `${role} GET ${page.path(ids)}`).toBe(can(role, page.permission) ? 200 : 403);
    }
  });

  test(`API routes for ${role}`, async () => {
    const session = sessions.get(role)!;
    for (const endpoint of ENDPOINTS) {
      const url = endpoint.path(ids);
      const response = await session.fetch(url, { method: endpoint.method, data: endpoint.body?.(ids) });
      expect(response.status(), `${role} ${endpoint.method} ${url}`).toBe(expectedApi(role, endpoint));
      if (response.status() >= 400) expect(response.headers()["content-type"]).toContain("application/problem+json");
    }
  });
}

test("someone not signed in is sent to sign in, and the API answers 401", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const page of PAGES) {
    const response = await anonymous.get(page.path(ids), { maxRedirects: 0 });
    expect(response.status(), page.path(ids)).toBe(307);
    expect(response.headers().location).toContain("/sign-in?callbackUrl=");
  }
  for (const endpoint of ENDPOINTS) {
    const url = endpoint.path(ids);
    const response = await anonymous.fetch(url, { method: endpoint.method, data: endpoint.body?.(ids) });
    expect(response.status(), `${endpoint.method} ${url}`).toBe(401);
    expect(await response.json()).toMatchObject({ status: 401, title: "Sign-in required" });
  }
  await anonymous.dispose();
});
