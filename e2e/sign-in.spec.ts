import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const HOME: Record<keyof typeof PERSONAS, { path: string; role: string; name: string }> = {
  founder: { path: "/overview", role: "Founder", name: "Maya Chen" },
  admin: { path: "/overview", role: "Admin", name: "Sam Okafor" },
  owner: { path: "/inventory", role: "Secret owner", name: "Priya Raman" },
  sales: { path: "/overview", role: "Sales", name: "Leo Martins" },
  auditor: { path: "/overview", role: "Auditor", name: "Erin Walsh" },
};

test("the sign-in page lists the demo personas", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Keyledger" })).toBeVisible();
  for (const email of Object.values(PERSONAS)) await expect(page.locator(`[data-persona="${email}"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue with Lumen SSO" })).toBeVisible();
  await screenshot(page, "sign-in");
});

for (const [role, email] of Object.entries(PERSONAS) as [keyof typeof PERSONAS, string][]) {
  test(`${role} signs in and lands on their start page`, async ({ page }) => {
    await signInAs(page, email);
    await expect(page).toHaveURL(new RegExp(`${HOME[role].path}$`));
    await expect(page.getByTestId("signed-in-as")).toHaveText(HOME[role].name);
    await expect(page.getByTestId("signed-in-role")).toHaveText(HOME[role].role);
  });
}

test("the founder's overview shows the registry's problems and rotation discipline", async ({ page }) => {
  await signInAs(page, PERSONAS.founder);
  const rotation = page.getByRole("region", { name: "Rotation" });
  await expect(rotation.getByText("Rotations overdue")).toBeVisible();
  await expect(rotation.getByText("Rotated on time")).toBeVisible();
  await expect(rotation.getByText(/^\d+%$/).first()).toBeVisible();
  await screenshot(page, "overview");
  // Sales has no rotation calendar: no rotation row.
  await page.context().clearCookies();
  await signInAs(page, PERSONAS.sales);
  await expect(page.getByText("Secrets", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rotation" })).toHaveCount(0);
});

test("sign-out ends the session", async ({ page }) => {
  await signInAs(page, PERSONAS.auditor);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finventory/);
});

test("the demo endpoint refuses someone who is not in the registry", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/demo", { form: { csrfToken, email: "mallory@evil.example", json: "true" }, maxRedirects: 0 });
  expect(response.headers().location ?? (await response.text())).toContain("error=CredentialsSignin");
  const session = await (await request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});

test("signs in through a real OpenID provider", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Lumen SSO" }).click();
  await page.waitForURL(/localhost:3198|\/interaction\//);
  await page.locator('input[name="login"]').fill("sam@lumenpay.example");
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: /sign-in/i }).click();
  const consent = page.getByRole("button", { name: /continue/i });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
  await page.waitForURL(/localhost:3199\/overview/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sam Okafor");
});

test("OIDC sign-in is refused for someone not in the registry", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Lumen SSO" }).click();
  await page.locator('input[name="login"]').fill("stranger@elsewhere.example");
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: /sign-in/i }).click();
  const consent = page.getByRole("button", { name: /continue/i });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
  await page.waitForURL(/\/sign-in\?error=AccessDenied/);
  await expect(page.getByText("That account is not in Keyledger's registry")).toBeVisible();
});
