// The single-sign-on server (playwright.config.ts, SSO_PORT): a real OpenID provider, and no demo
// sign-in beside it — demo personas are never offered where people sign in as themselves.
import { expect, test, type Page } from "@playwright/test";

const SSO = "http://localhost:3196";
test.use({ baseURL: SSO });

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Lumen SSO" }).click();
  await page.waitForURL(/localhost:3198|\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: /sign-in/i }).click();
  const consent = page.getByRole("button", { name: /continue/i });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test("offers only the identity provider, and the demo endpoint does not exist", async ({ page, request }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Continue with Lumen SSO" })).toBeVisible();
  await expect(page.locator("[data-persona]")).toHaveCount(0);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/demo", { form: { csrfToken, email: "sam@lumenpay.example", json: "true" } });
  expect(response.status()).toBe(404);
  expect(await response.json()).toMatchObject({ status: 404, errors: [{ field: "provider" }] });
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  expect(Object.keys((await (await request.get("/api/auth/providers")).json()) as object)).toEqual(["oidc"]);
});

test("signs in through a real OpenID provider", async ({ page }) => {
  await signInAtProvider(page, "sam@lumenpay.example");
  await page.waitForURL(`${SSO}/overview`);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sam Okafor");
});

test("OIDC sign-in is refused for someone not in the registry", async ({ page }) => {
  await signInAtProvider(page, "stranger@elsewhere.example");
  await page.waitForURL(/\/sign-in\?error=AccessDenied/);
  await expect(page.getByText("That account is not in Keyledger's registry")).toBeVisible();
});
