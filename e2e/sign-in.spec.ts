// Signing in and out through the real next-auth endpoints: the demo server (personas only), the
// single-sign-on server beside it (a real OpenID provider, no demo), and — on a server of its own
// with small limits — the sign-in rate limit.
import net from "node:net";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const HOME: Record<keyof typeof PERSONAS, { path: string; role: string; name: string }> = {
  founder: { path: "/overview", role: "Founder", name: "Maya Chen" },
  admin: { path: "/overview", role: "Admin", name: "Sam Okafor" },
  owner: { path: "/rotation/mine", role: "Secret owner", name: "Priya Raman" },
  sales: { path: "/evidence", role: "Sales", name: "Leo Martins" },
  auditor: { path: "/access-log", role: "Auditor", name: "Erin Walsh" },
};
const BASE = "http://localhost:3199";

test("the sign-in page lists the demo personas and nothing else", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Keyledger" })).toBeVisible();
  for (const email of Object.values(PERSONAS)) await expect(page.locator(`[data-persona="${email}"]`)).toBeVisible();
  await expect(page.locator("[data-persona]")).toHaveCount(Object.keys(PERSONAS).length);
  // Arjun is an admin in the registry too, but not a persona; and no real provider sits beside the demo.
  await expect(page.getByText("Arjun Mehta")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Continue with/ })).toHaveCount(0);
  await screenshot(page, "sign-in");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "docs/screenshots/sign-in-390.png", fullPage: true });
});

for (const [role, email] of Object.entries(PERSONAS) as [keyof typeof PERSONAS, string][]) {
  test(`${role} signs in and lands on their start page`, async ({ page }) => {
    await signInAs(page, email);
    await expect(page).toHaveURL(new RegExp(`${HOME[role].path}$`));
    await expect(page.getByTestId("signed-in-as")).toHaveText(HOME[role].name);
    await expect(page.getByTestId("signed-in-role")).toHaveText(HOME[role].role);
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`${HOME[role].path}$`));
    await page.waitForLoadState("networkidle");
    await screenshot(page, `landing-${role}`);
    await screenshot(page, `landing-${role}-390`, { width: 390 });
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
  await page.goto("/overview");
  await expect(page.getByText("Secrets", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rotation" })).toHaveCount(0);
});

test("sign-out ends the session for real: a copy of its cookie is dead", async ({ page, browser }) => {
  await signInAs(page, PERSONAS.auditor);
  const copied = await page.context().cookies();
  const cookie = copied.map((c) => `${c.name}=${c.value}`).join("; ");
  const api = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { cookie } });
  expect((await api.get("/api/v1/secrets?limit=1")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const after = await api.get("/api/v1/secrets?limit=1");
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toContain("application/problem+json");
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/inventory");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await expect(stolen.getByRole("heading", { name: "Sign in to Keyledger" })).toBeVisible();
  await thief.close();
  await api.dispose();
});

test("the demo endpoint refuses someone who is not in the registry", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/demo", { form: { csrfToken, email: "mallory@evil.example", json: "true" }, maxRedirects: 0 });
  expect(response.headers().location ?? (await response.text())).toContain("error=CredentialsSignin");
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
});

test("the demo endpoint refuses an admin who is not one of the personas", async ({ request, page }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/demo", { form: { csrfToken, email: "arjun@lumenpay.example", json: "true" } });
  expect(((await response.json()) as { url: string }).url).toContain("error=CredentialsSignin");
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  expect((await request.get("/api/v1/secrets?limit=1")).status()).toBe(401);
  await page.goto("/sign-in?error=CredentialsSignin");
  await expect(page.locator("main [role=alert]")).toHaveText("Demo sign-in is only for the demo personas listed here.");
});

const OFF_SITE = ["/\\evil.example", "//evil.example", "/\t/evil.example", "https://evil.example", "/\\\tevil.example", "\t//evil.example", "/\n\\evil.example", "/.//evil.example", "\\\\evil.example/x"];

/** Any request that does leave for evil.example is answered here, so the test can see it happen. */
async function trapOffSite(page: Page) {
  await page.context().route((url) => url.hostname.endsWith("evil.example"), (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }));
}

test.describe("after sign-in, only Keyledger's own pages", () => {
  for (const target of OFF_SITE) {
    test(`callbackUrl ${JSON.stringify(target)} stays on Keyledger`, async ({ page, request }) => {
      await trapOffSite(page);
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      await page.locator(`[data-persona="${PERSONAS.auditor}"]`).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin).toBe(BASE);
      await expect(page.getByTestId("signed-in-as")).toBeVisible();
      // Signed in already, the sign-in page sends one on at once: there too only to a Keyledger page.
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      expect(new URL(page.url()).origin).toBe(BASE);
      await expect(page.getByRole("heading", { name: "evil" })).toHaveCount(0);
      // And next-auth's own answer to the sign-in POST names a Keyledger URL.
      const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const answer = await request.post("/api/auth/callback/demo", { form: { csrfToken, email: PERSONAS.auditor, callbackUrl: target, json: "true" } });
      const { url } = (await answer.json()) as { url: string };
      expect(new URL(url).origin).toBe(BASE);
      expect(new URL(url).pathname).not.toMatch(/^\/[/\\]/);
    });
  }
});

/** Sends the headers and the first 80 KiB of a body that claims 50 MB (or none), and waits for the answer without sending the rest. */
function postHuge(path: string, chunked: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(3199, "127.0.0.1");
    let answer = "";
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`no answer while the body was still coming: ${answer}`))), 15_000);
    const done = () => (clearTimeout(timer), socket.destroy(), resolve(answer));
    socket.on("data", (d) => {
      answer += d;
      if (answer.includes("\r\n\r\n")) done();
    });
    socket.on("close", done);
    socket.on("error", (error) => (clearTimeout(timer), reject(error)));
    const piece = Buffer.alloc(80 * 1024, "a");
    const length = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${50 * 1024 * 1024}`;
    socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost:3199\r\nContent-Type: application/x-www-form-urlencoded\r\n${length}\r\n\r\n`);
    socket.write(chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]) : piece);
  });
}

test("every next-auth endpoint refuses a body past 64 KiB with 413 before it has arrived, and one of unstated length with 411", async ({ request }) => {
  for (const path of ["/api/auth/callback/demo", "/api/auth/signout", "/api/auth/signin/demo"]) {
    expect(await postHuge(path, false)).toMatch(/^HTTP\/1\.1 413/);
    expect(await postHuge(path, true)).toMatch(/^HTTP\/1\.1 411/);
  }
  const refused = await request.post("/api/auth/callback/demo", { data: "email=" + "a".repeat(70 * 1024), headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(refused.status()).toBe(413);
  expect(await refused.json()).toMatchObject({ status: 413, errors: [{ field: "body", message: `at most ${64 * 1024} bytes` }] });
  // A sign-in form of ordinary size still goes through.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const ordinary = await request.post("/api/auth/callback/demo", { form: { csrfToken, email: PERSONAS.sales, json: "true", padding: "x".repeat(60 * 1024) } });
  expect(ordinary.status()).toBe(200);
});
