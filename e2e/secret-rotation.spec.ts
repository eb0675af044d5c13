// The Rotation section of a secret's page: an admin overrides the policy for one secret — refused in
// place without a reason (nothing changes), then with one: the section shows the override and the new
// due date, and the secret's open task moved with it — and clears it again (the database is left as
// found). An owner sees the same section read-only. Screenshot: docs/screenshots/secret-rotation.png.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";
import type { RotationPolicyJson } from "@/lib/data/rotation/get-rotation-policies";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

const DAY = 86_400_000;
const day = (iso: string | number) => new Date(iso).toISOString().slice(0, 10);

async function openTaskOf(api: APIRequestContext, secretId: string): Promise<RotationTask> {
  const response = await api.get("/api/v1/rotation/tasks", { params: { secret: secretId, kind: "scheduled", status: "open" } });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: RotationTask[] };
  expect(items).toHaveLength(1);
  return items[0]!;
}

test.describe.configure({ mode: "serial" });

let admin: APIRequestContext;
let target: RotationTask;
let intervalDays: number;

test.beforeAll(async ({ baseURL }) => {
  admin = await apiAs(baseURL!, PERSONAS.admin);
  // A secret Priya operates, of known tier and environment, with an open scheduled task not yet due.
  const list = async (params: Record<string, string>) =>
    ((await (await admin.get("/api/v1/rotation/tasks", { params: { kind: "scheduled", overdue: "false", limit: "500", ...params } })).json()) as { items: RotationTask[] }).items;
  const known = (t: RotationTask) => t.secret.tier !== null && t.secret.environment !== null;
  // e2e/rotation.spec.ts runs beside this file on the same database: it completes Priya's first open
  // task and tightens the policy of the last upcoming one's tier × environment. Stay clear of both.
  const priyas = (await list({ status: "open" })).filter((t) => t.assignee?.email === PERSONAS.owner);
  const tightened = (await list({ status: "open,acknowledged" })).filter(known).at(-1)?.secret;
  const completed = priyas.find((t) => !t.requiresApproval) ?? priyas[0];
  const found = priyas.find(
    (t) => t.id !== completed?.id && known(t) && !t.requiresApproval && !(t.secret.tier === tightened?.tier && t.secret.environment === tightened?.environment),
  );
  expect(found, "the demo company gives Priya an open task on a secret of known tier and environment").toBeDefined();
  target = found!;
  const { policies } = (await (await admin.get("/api/v1/rotation/policies")).json()) as { policies: RotationPolicyJson[] };
  intervalDays = policies.find((p) => p.tier === target.secret.tier && p.environment === target.secret.environment)!.intervalDays;
});

test.afterAll(async () => {
  // Whatever happened above, the secret goes back to its policy (DELETE is idempotent).
  await admin.delete(`/api/v1/secrets/${target.secret.id}/rotation-override`);
  await admin.dispose();
});

test("an admin overrides a secret's policy with a reason, sees the due date move, and clears it again", async ({ page }) => {
  const before = await openTaskOf(admin, target.secret.id);
  await signInAs(page, PERSONAS.admin);
  await page.goto(`/secrets/${target.secret.id}`);
  const section = page.getByRole("region", { name: "Rotation", exact: true });
  const policy = section.getByTestId("rotation-policy");
  const nextDue = section.getByTestId("rotation-next-due");
  await expect(policy).toContainText(`Every ${intervalDays} days`);
  await expect(section.getByTestId("rotation-policy-source")).toContainText(`Tier ${target.secret.tier} ×`);
  await expect(nextDue).toHaveAttribute("data-due", before.dueAt);
  const openTask = section.getByTestId("rotation-open-task");
  await expect(openTask).toContainText("Priya");
  await expect(openTask.getByRole("link", { name: "Open task" })).toHaveAttribute("href", `/rotation?task=${before.id}`);

  // No reason: refused under the reason field, and nothing changed.
  const shorter = intervalDays - 30;
  await section.getByRole("button", { name: "Override policy" }).click();
  const form = section.getByRole("form", { name: "Rotation override" });
  await form.getByLabel("Interval (days)").fill(String(shorter));
  await form.getByRole("button", { name: "Save override" }).click();
  await expect(form.getByRole("alert")).toContainText("Say why this secret is an exception");
  await expect(form.getByLabel("Reason (required)")).toHaveAttribute("aria-invalid", "true");
  expect((await openTaskOf(admin, target.secret.id)).dueAt).toBe(before.dueAt);
  await expect(policy).toContainText(`Every ${intervalDays} days`);
  await page.screenshot({ path: ".test-results/secret-rotation-refused.png" });

  // With a reason: the section shows the override, who set it, and the new due date; the task moved.
  await form.getByLabel("Reason (required)").fill("In PCI scope since the card-vault migration");
  await form.getByRole("button", { name: "Save override" }).click();
  await expect(section.getByRole("status")).toContainText("Override saved");
  await expect(policy).toContainText(`Every ${shorter} days`);
  await expect(section.getByTestId("rotation-override-reason")).toHaveText("In PCI scope since the card-vault migration");
  await expect(section.getByTestId("rotation-policy-source")).toContainText("Set by Sam");
  const moved = await openTaskOf(admin, target.secret.id);
  expect(Date.parse(moved.dueAt)).toBe(Date.parse(before.dueAt) - 30 * DAY);
  await expect(nextDue).toHaveAttribute("data-due", moved.dueAt);
  await expect(nextDue).toContainText(day(moved.dueAt));
  await section.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 24));
  await screenshot(page, "secret-rotation");
  await page.screenshot({ path: ".test-results/secret-rotation-page.png", fullPage: true });

  // Clear it: back to the tier × environment policy and the original due date.
  await section.getByRole("button", { name: "Change override" }).click();
  await section.getByRole("button", { name: "Clear override" }).click();
  await expect(section.getByRole("status")).toContainText("Override cleared");
  await expect(policy).toContainText(`Every ${intervalDays} days`);
  await expect(section.getByTestId("rotation-override-reason")).toHaveCount(0);
  expect((await openTaskOf(admin, target.secret.id)).dueAt).toBe(before.dueAt);
  await expect(nextDue).toHaveAttribute("data-due", before.dueAt);
});

test("an owner sees the section read-only, and the API refuses their override", async ({ page, baseURL }) => {
  await signInAs(page, PERSONAS.owner);
  await page.goto(`/secrets/${target.secret.id}`);
  const section = page.getByRole("region", { name: "Rotation", exact: true });
  await expect(section.getByTestId("rotation-policy")).toContainText(`Every ${intervalDays} days`);
  await expect(section.getByTestId("rotation-next-due")).toContainText(day(target.dueAt));
  await expect(section.getByTestId("rotation-open-task")).toBeVisible();
  await expect(section.getByRole("button", { name: /override/i })).toHaveCount(0);
  await expect(section.getByRole("form")).toHaveCount(0);
  await page.screenshot({ path: ".test-results/secret-rotation-owner.png", fullPage: true });

  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const refused = await owner.put(`/api/v1/secrets/${target.secret.id}/rotation-override`, { data: { intervalDays: 30, reason: "mine" } });
  expect(refused.status()).toBe(403);
  await owner.dispose();
});
