// A log shipper uploads an audit log with an ingest token; the events appear in the access log.
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { apiAs } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";
import { withField } from "@/lib/ingest/testing";

const firstLine = async (file: string): Promise<unknown> => JSON.parse((await readFile(file, "utf8")).split("\n")[0]!);
/** `value` with each field at its path replaced (or removed, for undefined). */
const withFields = (value: unknown, fields: [string[], unknown][]) => fields.reduce((v, [path, replacement]) => withField(v, path, replacement), value);

test("an admin creates an ingest token; a shipper uploads a gzip CloudTrail file with it; revoked, it is refused", async ({ page, playwright, baseURL }) => {
  await signInAs(page, PERSONAS.admin);
  await page.goto("/sources");
  await page.getByLabel("Token name").fill("cloudtrail-shipper");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^klt_/);

  const shipper = await playwright.request.newContext({ baseURL });
  const body = gzipSync(await readFile("lib/ingest/cloudtrail/fixtures/records.json"));
  const upload = await shipper.post("/api/v1/access-events/uploads?format=cloudtrail&name=records.json.gz", { headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" }, data: body });
  expect(upload.status()).toBe(200);
  const summary = (await upload.json()) as { read: number; ingested: number; duplicates: number; skipped: number; quarantined: number };
  expect(summary.read).toBe(summary.ingested + summary.duplicates + summary.skipped + summary.quarantined);
  expect(summary.ingested).toBeGreaterThan(0);

  const again = await shipper.post("/api/v1/access-events/uploads?format=cloudtrail&name=records.json.gz", { headers: { authorization: `Bearer ${token}` }, data: body });
  expect(((await again.json()) as { ingested: number }).ingested).toBe(0);

  const wrongFormat = await shipper.post("/api/v1/access-events/uploads?format=syslog", { headers: { authorization: `Bearer ${token}` }, data: "x" });
  expect(wrongFormat.status()).toBe(422);
  expect(await wrongFormat.json()).toMatchObject({ errors: [{ field: "query.format" }] });
  const noToken = await shipper.post("/api/v1/access-events/uploads?format=vault", { data: "x" });
  expect(noToken.status()).toBe(401);

  await page.getByTestId("api-tokens").getByRole("row", { name: /cloudtrail-shipper/ }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-tokens").getByRole("row", { name: /cloudtrail-shipper/ })).toContainText("revoked");
  const revoked = await shipper.post("/api/v1/access-events/uploads?format=cloudtrail", { headers: { authorization: `Bearer ${token}` }, data: body });
  expect(revoked.status()).toBe(401);

  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const audit = (await (await admin.get("/api/v1/access-events", { params: { actor: "token:cloudtrail-shipper" } })).json()) as { items: { rawAction: string }[] };
  expect(audit.items.map((e) => e.rawAction)).toContain("access_events.upload");
  await admin.dispose();
  await shipper.dispose();
});

test("an upload over the size limit is refused with 413", async ({ playwright, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const { token } = (await (await admin.post("/api/v1/api-tokens", { data: { name: "big-shipper" } })).json()) as { token: string };
  const shipper = await playwright.request.newContext({ baseURL });
  const response = await shipper.post("/api/v1/access-events/uploads?format=vault", { headers: { authorization: `Bearer ${token}` }, data: Buffer.alloc(2 * 1024 * 1024, 0x20) });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ status: 413, detail: expect.stringContaining("KEYLEDGER_INGEST_MAX_BYTES") });
  await admin.dispose();
  await shipper.dispose();
});

test("a gzip bomb is refused past KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES, a body streamed past the limit too; the upload is recorded from where it came", async ({ playwright, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const { token } = (await (await admin.post("/api/v1/api-tokens", { data: { name: "bomb-shipper" } })).json()) as { token: string };
  const shipper = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "user-agent": "fluent-bit/3.1 (e2e)" } });
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, "x"), { level: 9 });
  expect(bomb.length).toBeLessThan(1024 * 1024);
  const refused = await shipper.post("/api/v1/access-events/uploads?format=vault&name=bomb.log.gz", { headers: { authorization: `Bearer ${token}` }, data: bomb });
  expect(refused.status()).toBe(413);
  expect(await refused.json()).toMatchObject({ status: 413, detail: expect.stringContaining("KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES") });

  // No Content-Length to refuse early: the stream is cut off where it crosses the limit.
  const chunks = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 24; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x0a));
      controller.close();
    },
  });
  const streamed = await fetch(`${baseURL}/api/v1/access-events/uploads?format=vault&name=streamed.log`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: chunks, duplex: "half" } as RequestInit);
  expect(streamed.status).toBe(413);
  expect(((await streamed.json()) as { detail: string }).detail).toContain("KEYLEDGER_INGEST_MAX_BYTES");

  const events = (await (await admin.get("/api/v1/access-events", { params: { actor: "token:bomb-shipper" } })).json()) as { items: { rawAction: string; result: string; errorCode: string | null; userAgent: string | null; sourceIp: string | null }[] };
  const bombEvent = events.items.find((e) => e.errorCode === "payload_too_large" && e.userAgent === "fluent-bit/3.1 (e2e)");
  expect(bombEvent).toMatchObject({ rawAction: "access_events.upload", result: "failure" });
  // The same address a signed-in request from this machine is recorded with.
  const created = (await (await admin.get("/api/v1/access-events", { params: { actor: PERSONAS.admin, action: "create" } })).json()) as { items: { rawAction: string; sourceIp: string | null }[] };
  expect(bombEvent!.sourceIp).toBe(created.items.find((e) => e.rawAction === "api_token.create")!.sourceIp);
  await admin.dispose();
  await shipper.dispose();
});

test("an auditor finds uploaded events at the log's own time, to the microsecond — Azure's 100 ns, a SIEM export's time, a GCP entry stripped of its ids", async ({ page, playwright, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const { token } = (await (await admin.post("/api/v1/api-tokens", { data: { name: "siem-shipper" } })).json()) as { token: string };
  const shipper = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const run = Date.now().toString(36);
  // Two years back: outside the 30- and 90-day counts other specs check on the shared database.
  const second = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 19);
  const upload = async (format: string, lines: unknown[]) => {
    const response = await shipper.post(`/api/v1/access-events/uploads?format=${format}&name=${format}-${run}.jsonl`, { data: lines.map((l) => JSON.stringify(l)).join("\n") });
    expect(response.status()).toBe(200);
    return (await response.json()) as { ingested: number; duplicates: number; quarantined: number };
  };

  const alice = `alice-${run}@acme.example`;
  const azure = withFields(await firstLine("lib/ingest/azure/fixtures/kv-auditevent.jsonl"), [[["time"], `${second}.4111792Z`], [["identity", "claim", "upn"], alice], [["identity", "claim", "unique_name"], alice]]);
  expect(await upload("azure", [azure])).toMatchObject({ ingested: 1, quarantined: 0 });

  const gcp = await firstLine("lib/ingest/gcp/fixtures/sink-secretmanager.jsonl");
  const siemActor = `siem-${run}@acme-prod.iam.gserviceaccount.com`;
  const strippedActor = `stripped-${run}@acme-prod.iam.gserviceaccount.com`;
  const siem = withFields(gcp, [[["insertId"], `siem-${run}`], [["timestamp"], `${second.replace("T", " ")}.123456789`], [["protoPayload", "authenticationInfo", "principalEmail"], siemActor]]);
  const stripped = withFields(gcp, [
    [["insertId"], undefined], [["timestamp"], undefined], [["logName"], undefined],
    [["protoPayload", "authenticationInfo", "principalEmail"], strippedActor], [["protoPayload", "requestMetadata", "requestAttributes", "time"], `${second}.987654321Z`],
  ]);
  expect(await upload("gcp", [siem, stripped])).toMatchObject({ ingested: 2, quarantined: 0 });
  expect(await upload("gcp", [stripped, siem])).toMatchObject({ ingested: 0, duplicates: 2 }); // the stripped entry is known by its content

  const timeOf = async (actor: string) => ((await (await admin.get("/api/v1/access-events", { params: { actor } })).json()) as { items: { occurredAt: string }[] }).items.map((e) => e.occurredAt);
  expect(await timeOf(alice)).toEqual([`${second}.411179Z`]);
  expect(await timeOf(siemActor)).toEqual([`${second}.123456Z`]);
  expect(await timeOf(strippedActor)).toEqual([`${second}.987654Z`]);
  const csv = await (await admin.get("/api/v1/access-events/export", { params: { actor: alice } })).text();
  expect(csv.split("\n")[1]).toMatch(new RegExp(`^${second}\\.411179Z,azure,`));

  await signInAs(page, PERSONAS.auditor);
  await page.goto(`/access-log?actor=${encodeURIComponent(alice)}`);
  const row = page.getByRole("row", { name: new RegExp(alice.slice(0, 12)) });
  await expect(row.getByRole("cell").first()).toHaveAttribute("title", `${second}.411179Z`);
  await screenshot(page, "access-log-microseconds", { width: 1440 });
  await screenshot(page, "access-log-microseconds-390", { width: 390, fullPage: true });
  await admin.dispose();
  await shipper.dispose();
});
