// An admin offboards Grace Kim (Support lead) through the wizard: each role to a new holder (one
// left empty on purpose), a rotate-now task for every secret she held a role on or touched in the
// last 90 days, her open tasks handed over, and she can no longer sign in. Bad input first: named
// by field, nothing changed.
//
// The e2e specs share one demo company. Grace is used by no other spec, and the holders chosen here
// avoid Priya (the owner persona, whose operator secrets the calendar-feed spec works on). Grace
// stays offboarded afterwards: an offboarding cannot be undone.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiAs, findPerson, type PersonRow } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const GRACE = "grace@lumenpay.example";
type Plan = {
  person: { id: string; status: string };
  roles: { secretId: string; secretName: string; role: string; suggestion: { personId: string; name: string } | null }[];
  rotations: { secretId: string; secretName: string; reason: string; reasons: string[] }[];
  tasksAssignedToThem: number;
};
type Task = { id: string; kind: string; status: string; reason: string | null; assignee: { id: string; name: string } | null; secret: { id: string; name: string } };

const select = (page: Page, role: string, secretName: string) => page.getByLabel(`New ${role} of ${secretName}`);
const tasks = async (api: APIRequestContext, params: Record<string, string>) => {
  const response = await api.get("/api/v1/rotation/tasks", { params: { limit: "500", ...params } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Task[] }).items;
};

test("an admin offboards a person through the wizard", async ({ page, baseURL, playwright }) => {
  test.setTimeout(120_000);
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const grace = await findPerson(admin, GRACE);
  const noah = await findPerson(admin, "noah@lumenpay.example");
  const jonas = await findPerson(admin, "jonas@lumenpay.example");
  const plan = (await (await admin.get(`/api/v1/people/${grace.id}/offboarding`)).json()) as Plan;
  expect(plan.person.status).toBe("active");
  expect(plan.roles.length).toBeGreaterThanOrEqual(4);
  expect(plan.rotations.length).toBeGreaterThanOrEqual(plan.roles.length > 0 ? 1 : 0);
  expect(plan.rotations.some((r) => r.reasons.some((why) => /^(read|changed) it on \d{4}-\d{2}-\d{2}$/.test(why)))).toBe(true);
  const retool = plan.roles.find((r) => r.secretName === "kv/support/retool-db-readonly" && r.role === "operator")!;
  const gong = plan.roles.find((r) => r.secretName === "backend/dev:GONG_API_KEY")!;
  expect(retool).toBeTruthy();
  expect(gong).toBeTruthy();

  // Bad input through the API: refused with the field named, and Grace is still active with every role.
  const body = plan.roles.map((r) => ({ secretId: r.secretId, role: r.role, personId: r.suggestion?.personId ?? null }));
  const toJonas = await admin.post(`/api/v1/people/${grace.id}/offboarding`, { data: { reassignments: body.map((r, i) => (i === 0 ? { ...r, personId: jonas.id } : r)) } });
  expect(toJonas.status()).toBe(400);
  expect(((await toJonas.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["body.reassignments.0.personId"]);
  const missing = await admin.post(`/api/v1/people/${grace.id}/offboarding`, { data: { reassignments: body.slice(1) } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()) as unknown).toMatchObject({ errors: [{ field: "body.reassignments" }] });
  expect((await admin.post(`/api/v1/people/${grace.id}/offboarding`, { data: { reassignments: body.map(({ personId: _, ...r }) => r) } })).status()).toBe(422);
  const still = (await (await admin.get(`/api/v1/people/${grace.id}/offboarding`)).json()) as Plan;
  expect(still.person.status).toBe("active");
  expect(still.roles).toHaveLength(plan.roles.length);

  // Grace subscribes to her rotation calendar (an admin makes her feed): offboarding must revoke it.
  const visitor = await playwright.request.newContext({ baseURL });
  const feed = await admin.post("/api/v1/calendar-feeds", { data: { scope: "person", personId: grace.id } });
  expect(feed.status()).toBe(200);
  const { url: feedUrl } = (await feed.json()) as { url: string };
  expect((await visitor.get(feedUrl)).status()).toBe(200);

  // The wizard, from the person page.
  await signInAs(page, PERSONAS.admin);
  await page.goto(`/people/${grace.id}`);
  await expect(page.getByRole("region", { name: "Offboarding preview" })).toContainText("If Grace left today");
  await expect(page.getByRole("region", { name: "Offboarding preview" }).getByRole("link", { name: "Plan and run the offboarding" })).toBeVisible();
  await screenshot(page, "offboarding-person");
  await page.getByRole("link", { name: "Offboard…" }).click();
  await expect(page).toHaveURL(`/people/${grace.id}/offboard`);
  await expect(page.getByRole("heading", { name: "Offboard Grace Kim" })).toBeVisible();

  // Step 1: suggestions preselected; a row without a holder is refused in place, with focus on it.
  const rows = page.getByTestId("offboarding-roles");
  for (const r of plan.roles) if (r.suggestion) await expect(select(page, r.role, r.secretName)).toHaveValue(r.suggestion.personId);
  await select(page, "operator", gong.secretName).selectOption("");
  await page.getByRole("button", { name: /^Next/ }).click();
  await expect(page.getByTestId("offboarding-problem")).toContainText("1 role has no new holder yet");
  await expect(rows.locator(`[data-role-row="${gong.secretId}:operator"]`)).toContainText("Choose who takes over, or leave it empty (a gap) on purpose");
  await expect(select(page, "operator", gong.secretName)).toBeFocused();
  await expect(select(page, "operator", gong.secretName)).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "offboarding-step-1-error");

  // Noah takes the operator roles Priya was suggested for; Retool's approver is left empty on purpose (a gap).
  await select(page, "operator", gong.secretName).selectOption(noah.id);
  await select(page, "operator", retool.secretName).selectOption(noah.id);
  await select(page, "approver", retool.secretName).selectOption({ label: "Leave empty (a gap)" });
  await expect(rows.locator(`[data-role-row="${retool.secretId}:approver"]`)).toContainText("it shows as a gap");
  await expect(page.getByTestId("offboarding-problem")).toHaveCount(0);
  await screenshot(page, "offboarding-step-1");
  const priya = await findPerson(admin, PERSONAS.owner);
  const chosen = await Promise.all(plan.roles.map((r) => select(page, r.role, r.secretName).inputValue()));
  expect(chosen).not.toContain(priya.id);

  // Step 2: the rotate-now tasks and why; her calendar feed.
  await page.getByRole("button", { name: /^Next/ }).focus(); // keyboard: Enter works the buttons
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Step 2 of 3/ })).toBeFocused();
  const rotations = page.getByTestId("offboarding-rotations");
  await expect(rotations.locator("tbody tr")).toHaveCount(plan.rotations.length);
  for (const r of plan.rotations) for (const why of r.reasons) await expect(rotations.locator(`[data-rotation="${r.secretName}"]`)).toContainText(why);
  await expect(page.getByTestId("offboarding-feeds")).toContainText("1 calendar feed URL Grace could hold");
  await expect(page.getByText("Workload identities")).toBeVisible();
  await screenshot(page, "offboarding-step-2");

  // Step 3: confirm.
  await page.getByRole("button", { name: /^Next/ }).click();
  const summary = page.getByTestId("offboarding-summary");
  await expect(summary).toContainText(`${plan.roles.length - 1} roles go to a new holder`);
  await expect(summary).toContainText("1 role is left empty on purpose");
  await expect(summary).toContainText(`${plan.rotations.length} secrets to rotate now`);
  await screenshot(page, "offboarding-step-3");
  const posted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/people/${grace.id}/offboarding`) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Offboard Grace Kim" }).click();
  expect((await posted).status()).toBe(200);

  // The result, with links to the rotation list and back.
  const result = page.getByTestId("offboarding-result");
  await expect(result.getByRole("heading", { name: "Grace Kim is offboarded" })).toBeFocused();
  await expect(result.getByRole("link", { name: "Open the rotation list" })).toHaveAttribute("href", "/rotation?view=list");
  await expect(result.getByRole("link", { name: "Noah Fischer's tasks" })).toHaveAttribute("href", `/rotation?view=list&person=${noah.id}`);
  await expect(result.getByRole("region", { name: "Rotate-now tasks" }).locator("li")).toHaveCount(plan.rotations.length);
  await expect(result).toContainText("1 calendar feed revoked");
  await screenshot(page, "offboarding-result");

  // The person page: offboarded, holding nothing.
  await result.getByRole("link", { name: "Back to Grace" }).click();
  await expect(page).toHaveURL(`/people/${grace.id}`);
  await expect(page.getByText(/^offboarded \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(page.getByText("Holds no ownership role.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Offboard…" })).toHaveCount(0);

  // The secret page: Noah operates Retool's key now, and its approver is a gap.
  await page.goto(`/secrets/${retool.secretId}`);
  const owners = page.getByRole("region", { name: "Owners" });
  await expect(owners.locator('[data-role="operator"]')).toContainText("Noah Fischer");
  await expect(owners.locator('[data-role="approver"]')).toContainText("gap: nobody");

  // The rotate-now tasks exist, one per secret of the plan, with the reason and the new operator.
  const rotateNow = await tasks(page.request, { kind: "rotate_now", status: "open" });
  for (const r of plan.rotations) {
    const task = rotateNow.find((t) => t.secret.id === r.secretId);
    expect(task, r.secretName).toBeTruthy();
    expect(task!.reason).toContain(r.reason);
  }
  const byName = (name: string) => rotateNow.find((t) => t.secret.name === name)!;
  expect(byName(retool.secretName).assignee?.id).toBe(noah.id);
  expect(byName(gong.secretName).assignee?.id).toBe(noah.id);
  // Nothing is left assigned to her: her open tasks moved to the new operator.
  expect(await tasks(page.request, { assignee: grace.id, status: "open,acknowledged" })).toEqual([]);
  const gongTasks = await tasks(page.request, { secret: gong.secretId, status: "open,acknowledged" });
  expect(gongTasks.length).toBeGreaterThanOrEqual(1);
  expect(gongTasks.every((t) => t.assignee?.id === noah.id)).toBe(true);

  // Audited, and refused a second time.
  const audit = (await (await admin.get("/api/v1/access-events", { params: { actor: PERSONAS.admin, limit: "200" } })).json()) as { items: { rawAction: string }[] };
  expect(audit.items.map((e) => e.rawAction)).toEqual(expect.arrayContaining(["person.offboard", "ownership.assign", "ownership.clear", "rotation.rotate_now"]));
  const again = await admin.post(`/api/v1/people/${grace.id}/offboarding`, { data: { reassignments: [] } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { detail: string }).detail).toMatch(/^Grace Kim was already offboarded on \d{4}-\d{2}-\d{2}$/);

  // Her calendar feed is gone, and she can no longer sign in.
  expect((await visitor.get(feedUrl)).status()).toBe(404);
  expect(await signInRefused(visitor, GRACE)).toBe(true);
  await Promise.all([admin.dispose(), visitor.dispose()]);
});

test("the wizard is for admins, and not for someone already offboarded", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const jonas: PersonRow = await findPerson(admin, "jonas@lumenpay.example");
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  expect((await owner.get(`/api/v1/people/${jonas.id}/offboarding`)).status()).toBe(403);
  expect((await owner.post(`/api/v1/people/${jonas.id}/offboarding`, { data: { reassignments: [] } })).status()).toBe(403);

  // An already offboarded person: the wizard says so and points to the ownership matrix.
  await signInAs(page, PERSONAS.admin);
  await page.goto(`/people/${jonas.id}/offboard`);
  await expect(page.getByText(/Jonas Becker was already offboarded on/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the ownership matrix" })).toBeVisible();
  await Promise.all([admin.dispose(), owner.dispose()]);
});

/** The demo sign-in's POST, as the sign-in page makes it: an offboarded person gets no session. */
async function signInRefused(visitor: APIRequestContext, email: string) {
  const { csrfToken } = (await (await visitor.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await visitor.post("/api/auth/callback/demo", { form: { csrfToken, email, callbackUrl: "/", json: "true" }, maxRedirects: 0 });
  const session = (await (await visitor.get("/api/auth/session")).json()) as { user?: unknown } | null;
  return response.status() < 500 && !session?.user;
}
