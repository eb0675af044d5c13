// The sign-in rate limit through the real endpoint, on a Keyledger of its own with small limits
// (4 per address, 3 per account) behind one trusted proxy hop, so each test is its own "address" in
// X-Forwarded-For and the rest of the suite's sign-ins from 127.0.0.1 do not count here.
import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { PERSONAS, signInWithRequest } from "./fixtures/auth";
import { startKeyledger, type ExtraServer } from "./fixtures/keyledger-server";

const PORT = 3195;
let server: ExtraServer;
const address = () => `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;
const stranger = () => `nobody-${randomBytes(4).toString("hex")}@example.test`;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startKeyledger(PORT, {
    KEYLEDGER_DEMO: "force",
    NEXTAUTH_SECRET: "e2e-limit-session-signing-key-not-a-secret",
    KEYLEDGER_TRUST_PROXY_HOPS: "1",
    KEYLEDGER_SIGNIN_MAX_PER_ADDRESS: "4",
    KEYLEDGER_SIGNIN_MAX_PER_ACCOUNT: "3",
  });
});
test.afterAll(async () => server?.stop());

async function attempt(api: APIRequestContext, email: string, from: string, forged?: string) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const headers: Record<string, string> = { "x-forwarded-for": from, ...(forged ? { "x-keyledger-client-address": forged } : {}) };
  return api.post("/api/auth/callback/demo", { form: { csrfToken, email, callbackUrl: "/", json: "true" }, headers, maxRedirects: 0 });
}

let limitedAddress: string;

test("refuses an address past its limit with 429 and Retry-After, whatever it forges", async () => {
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  limitedAddress = address();
  for (let i = 0; i < 4; i++) {
    const response = await attempt(api, stranger(), limitedAddress, `203.0.113.${i + 1}`);
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { url: string }).url).toContain("error=CredentialsSignin");
  }
  for (const email of [stranger(), PERSONAS.admin]) {
    const refused = await attempt(api, email, limitedAddress, "203.0.113.99");
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
    expect(await refused.json()).toMatchObject({ status: 429, errors: [{ field: "address" }], url: `/sign-in?error=RateLimited&retryAfter=${retryAfter}` });
  }
  expect(await (await api.get("/api/auth/session")).json()).toEqual({});
  await api.dispose();
});

test("refuses one account tried from many addresses", async () => {
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const account = stranger();
  for (let i = 0; i < 3; i++) expect((await attempt(api, account, address())).status()).toBe(401);
  const refused = await attempt(api, account.toUpperCase(), address());
  expect(refused.status()).toBe(429);
  expect(await refused.json()).toMatchObject({ errors: [{ field: "account" }] });
  await api.dispose();
});

test("the sign-in page says when to try again", async ({ browser }) => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ baseURL: server.url, viewport, extraHTTPHeaders: { "x-forwarded-for": limitedAddress } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.locator(`[data-persona="${PERSONAS.auditor}"]`).click();
    await page.waitForURL(/\/sign-in\?error=RateLimited&retryAfter=\d+/);
    await expect(page.locator("main [role=alert]")).toHaveText(/^Too many sign-in attempts from this address or for this account\. .* try again in \d+ minutes?\.$/);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `docs/screenshots/sign-in-rate-limited${viewport.width === 390 ? "-390" : ""}.png`, fullPage: viewport.width === 390 });
    await context.close();
  }
});

test("every refusal is in the access log, with the address the proxy saw", async ({ request }) => {
  await signInWithRequest(request, PERSONAS.admin);
  const response = await request.get(`/api/v1/access-events?actor=${limitedAddress}&result=failure&limit=50`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { rawAction: string; errorCode: string | null; sourceIp: string | null; authSource: string }[] };
  const limited = items.filter((e) => e.errorCode === "rate_limited");
  expect(limited.length).toBeGreaterThanOrEqual(3);
  expect(limited[0]).toMatchObject({ rawAction: "auth.sign_in", sourceIp: limitedAddress, authSource: "demo" });
  // The forged client-address headers never reached the log.
  expect(items.some((e) => e.sourceIp?.startsWith("203.0.113."))).toBe(false);
});
