// Every answer carries the security headers (lib/http/security-headers.ts, set by proxy.ts): a CSP
// whose scripts need this request's nonce, and the hardening around it. The app still works under
// that policy — no page logs a violation or a console error, charts draw, client islands hydrate.
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { apiAs, findPerson, findSecret } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";

const MISSING = "00000000-0000-4000-8000-000000000000";

type Expected = { csp?: "nonce" | "fallback"; cache?: "no-store" | "cacheable" };

/**
 * The one CSP header of a response (two would be enforced together) and the rest. proxy.ts gives a
 * nonce; an answer to a request with a body, which the proxy skips, gets next.config.ts's policy.
 */
function expectSecurityHeaders(response: APIResponse, { csp: kind = "nonce", cache = "no-store" }: Expected = {}): string | undefined {
  const what = `${new URL(response.url()).pathname} (${response.status()})`;
  const all = (name: string) => response.headersArray().filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  const [csp, ...more] = all("content-security-policy");
  expect(more, `${what}: one Content-Security-Policy`).toEqual([]);
  expect(csp, `${what}: a Content-Security-Policy`).toBeTruthy();
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic';/.exec(csp!)?.[1];
  if (kind === "nonce") expect(nonce, `${what}: script-src needs a nonce — ${csp}`).toBeTruthy();
  else expect(csp, what).toMatch(/^default-src 'none';/);
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "form-action '"]) expect(csp, what).toContain(directive);
  if (kind === "nonce") for (const directive of ["default-src 'self'", "form-action 'self'", "object-src 'none'"]) expect(csp, what).toContain(directive);
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("no-referrer");
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  // This server is plain http on localhost: no HSTS (lib/http/security-headers.test.ts covers https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  const [cacheControl, ...moreCache] = all("cache-control");
  expect(moreCache, `${what}: one Cache-Control`).toEqual([]);
  if (cache === "no-store") expect(cacheControl, what).toContain("no-store");
  else expect(cacheControl, what).toContain("immutable");
  return nonce;
}

const get = (api: APIRequestContext, url: string) => api.get(url, { maxRedirects: 0 });

test("pages, API answers, errors, sign-in, next-auth, the calendar feed, CSV, writes and static files all carry the headers", async ({ baseURL, playwright }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const page = await get(admin, "/overview");
    expect(page.status()).toBe(200);
    const nonce = expectSecurityHeaders(page);
    const html = await page.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every script carries this request's nonce").toContain(`nonce="${nonce}"`);
    expect(expectSecurityHeaders(await get(admin, "/overview"))).not.toBe(nonce);

    expectSecurityHeaders(await get(admin, "/api/v1/secrets?limit=1"));
    const problem = await get(admin, `/api/v1/secrets/${MISSING}`);
    expect(problem.status()).toBe(404);
    expect(problem.headers()["content-type"]).toContain("application/problem+json");
    expectSecurityHeaders(problem);
    expectSecurityHeaders(await get(admin, "/no-such-page"));
    const csv = await get(admin, "/api/v1/secrets/export");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expectSecurityHeaders(csv);

    // The calendar feed: its own token is the credential, and what it lists is registry data.
    const created = await admin.post("/api/v1/calendar-feeds", { data: { scope: "person" } });
    expect(created.status()).toBe(200);
    expectSecurityHeaders(created, { csp: "fallback" });
    const feed = (await created.json()) as { feed: { id: string }; url: string };
    try {
      const ics = await get(anonymous, new URL(feed.url).pathname);
      expect(ics.headers()["content-type"]).toContain("text/calendar");
      expectSecurityHeaders(ics);
    } finally {
      expectSecurityHeaders(await admin.delete(`/api/v1/calendar-feeds/${feed.feed.id}`));
    }

    expectSecurityHeaders(await get(anonymous, "/sign-in"));
    const redirect = await get(anonymous, "/inventory");
    expect(redirect.status()).toBe(307);
    expectSecurityHeaders(redirect);
    expect((await get(anonymous, "/api/v1/secrets")).status()).toBe(401);
    expectSecurityHeaders(await get(anonymous, "/api/v1/secrets"));
    for (const path of ["/api/auth/csrf", "/api/auth/session", "/api/auth/providers", "/api/health"]) expectSecurityHeaders(await get(anonymous, path));
    const refused = await anonymous.post("/api/auth/callback/demo", { form: { csrfToken: "forged", email: "nobody@example.com" }, maxRedirects: 0 });
    expect(refused.status()).toBeLessThan(500);
    expectSecurityHeaders(refused, { csp: "fallback" });

    const asset = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const chunk = await get(anonymous, asset!);
    expect(chunk.status()).toBe(200);
    expectSecurityHeaders(chunk, { cache: "cacheable" });
  } finally {
    await Promise.all([admin.dispose(), anonymous.dispose()]);
  }
});

/** Fails the test on any console error, uncaught page error or CSP violation. */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return problems;
}

test("every dashboard page works under the policy as the admin: no violation, no console error, charts draw, islands hydrate", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems = await watchForProblems(page);
  await signInAs(page, PERSONAS.admin);
  const api = await apiAs(baseURL!, PERSONAS.admin);
  const secret = await findSecret(api, { q: "prod/payments/stripe-secret-key" });
  const person = await findPerson(api, PERSONAS.owner);
  const { items: sources } = (await (await api.get("/api/v1/sources")).json()) as { items: { id: string }[] };
  await api.dispose();

  const pages = ["/overview", "/inventory", "/ownership", "/people", "/sources", "/sources/new", "/access-log", "/rotation", "/rotation?view=list", "/rotation/mine", "/rotation/policies", "/rotation/capacity", "/blast-radius", "/runbooks", "/evidence", `/secrets/${secret.id}`, `/people/${person.id}`, `/people/${person.id}/offboard`, `/sources/${sources[0]!.id}`];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(problems, path).toEqual([]);
  }

  // recharts draws its bars (inline style attributes are allowed, scripts are not).
  await page.goto("/access-log");
  await expect(page.getByRole("region", { name: "Daily failures" }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  // A client island answers a click: the inventory search filters through TanStack Query.
  await page.goto("/inventory");
  await page.getByRole("searchbox", { name: "Search" }).fill("stripe");
  await expect(page).toHaveURL(/q=stripe/);
  await expect(page.getByRole("link", { name: "prod/payments/stripe-secret-key" })).toBeVisible();
  // Client-side navigation through the sidebar.
  await page.getByRole("link", { name: "Ownership" }).first().click();
  await expect(page).toHaveURL(/\/ownership/);
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});
